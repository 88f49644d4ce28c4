package io.holdfast.journal.internal;

import io.holdfast.store.internal.JdbcStore;
import java.lang.annotation.Annotation;
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

    public static JournalConfig config(int maxBatch, String... clear) {
        return new JournalConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return JournalConfig.class;
            }

            @Override
            public String dataDirectory() {
                return "";
            }

            @Override
            public int maxBatch() {
                return maxBatch;
            }

            @Override
            public int queueCapacity() {
                return 10000;
            }

            @Override
            public int smallPayloadLimit() {
                return 262144;
            }

            @Override
            public String[] fieldsInClear() {
                return clear;
            }
        };
    }

    public static JournalCore open(Path dir, EmbeddedDataSource ds) {
        return new JournalCore(new JdbcStore(ds, dir.toString()), new TestKeys(), dir, config(256, "patient.gender"));
    }
}
