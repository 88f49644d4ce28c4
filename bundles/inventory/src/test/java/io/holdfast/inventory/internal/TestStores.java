package io.holdfast.inventory.internal;

import io.holdfast.store.api.Store;
import io.holdfast.store.internal.JdbcStore;
import java.nio.file.Path;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** Embedded Derby in a temp folder behind the real store implementation. */
public final class TestStores {
    private TestStores() {
    }

    public static Store derby(Path dir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        return new JdbcStore(ds, "derby:" + dir);
    }
}
