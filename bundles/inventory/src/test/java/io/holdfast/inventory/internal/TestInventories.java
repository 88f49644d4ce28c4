package io.holdfast.inventory.internal;

import io.holdfast.api.kernel.Inventory;
import java.nio.file.Path;
import java.time.Clock;

/** A real inventory over embedded Derby with the shipped auth providers installed, for tests in other packages. */
public final class TestInventories {
    private TestInventories() {
    }

    public static Inventory derby(Path dir) {
        return InstalledProviders.install(new InventoryService(TestStores.derby(dir), new RecordingHealth(), InventoryRules.defaults(),
                Clock.systemUTC()), InstalledProviders.SHIPPED);
    }
}
