package io.holdfast.journal.internal;

import io.holdfast.store.internal.JdbcStore;
import java.nio.file.Path;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** Builds a journal on Derby in a temp directory, as the component would. */
public final class JournalFixture {
    private JournalFixture() {
    }

    public static EmbeddedDataSource derby(Path dir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("derby").toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    /**
     * Small segments; disk guard off, so other modules' component tests do not depend on the
     * build machine's free space (the guard has its own tests with an injected file system).
     */
    public static JournalConfig config(int maxBatch, String... clear) {
        return JournalConfigs.with(java.util.Map.of("maxBatch", maxBatch, "fieldsInClear", clear, "payloadSegmentBytes", 1 << 20,
                "minFreeBytes", 0L, "minFreePercent", 0));
    }

    public static JournalCore open(Path dir, EmbeddedDataSource ds) {
        return new JournalCore(new JdbcStore(ds, dir.toString()), new TestKeys(), dir, config(256, "patient.gender"));
    }
}
