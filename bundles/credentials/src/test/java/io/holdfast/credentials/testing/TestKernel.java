package io.holdfast.credentials.testing;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.internal.auth.ShippedProviders;
import io.holdfast.credentials.internal.vault.VaultService;
import io.holdfast.health.internal.KernelAlerts;
import io.holdfast.inventory.internal.InventoryConfig;
import io.holdfast.inventory.internal.InventoryService;
import io.holdfast.store.api.Store;
import io.holdfast.store.internal.JdbcStore;
import io.holdfast.store.internal.KernelLeases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** Real store (in-memory Derby), leases, alerts, inventory and vault, wired as DS would, for component tests. */
public final class TestKernel {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    public final MutableClock clock = MutableClock.now();
    public final RecordingHealth health = new RecordingHealth();
    public final FakeMasterKeys keys = new FakeMasterKeys();
    public final Store store;
    public final Inventory inventory;
    public final VaultService vault;
    public final KernelAlerts alerts = new KernelAlerts(new SimpleMeterRegistry());
    public final KernelLeases leases;

    public TestKernel() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:credentials-test-" + DATABASES.incrementAndGet());
        ds.setCreateDatabase("create");
        store = new JdbcStore(ds, "derby:memory");
        leases = new KernelLeases(store, health);
        inventory = new InventoryService(store, health, defaultInventoryConfig());
        vault = new VaultService(store, keys, inventory, health, clock);
        // As in Karaf: the providers (which need the vault) register with the inventory after it started.
        ShippedProviders.over(vault, clock).forEach(p -> ((InventoryService) inventory).addAuthProvider(p, Map.of()));
    }

    /** A second vault over the same database, as after a restart. */
    public VaultService restartedVault() {
        return new VaultService(store, keys, inventory, health, clock);
    }

    public DownstreamSystem addSystem(String id, AuthPattern pattern, String endpoint) {
        return inventory.add(new DownstreamSystem(id, "Test " + id, Optional.empty(), "int", "HTTP", WireFormat.fhirR4(), endpoint,
                pattern, Optional.empty(), Optional.empty()));
    }

    /**
     * A CIS2_USER system as a user-facing caller would hold it. The inventory refuses to store one (no
     * AuthProvider can serve CIS2_USER), so its credentials are imported by entry (env int, entry = id).
     */
    public static DownstreamSystem cis2System(String id, String endpoint) {
        return new DownstreamSystem(id, "Test " + id, Optional.empty(), "int", "HTTP", WireFormat.fhirR4(), endpoint,
                AuthPattern.CIS2_USER, Optional.of(id), Optional.empty());
    }

    private static InventoryConfig defaultInventoryConfig() {
        return new InventoryConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return InventoryConfig.class;
            }

            @Override
            public String[] environments() {
                return new String[] {"dev", "test", "int", "live"};
            }

            @Override
            public String[] extraTransports() {
                return new String[0];
            }

            @Override
            public String[] extraFormats() {
                return new String[0];
            }
        };
    }
}
