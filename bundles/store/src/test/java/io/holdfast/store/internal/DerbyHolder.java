package io.holdfast.store.internal;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** Child-process helper: boots a Derby database and holds it until killed. */
public final class DerbyHolder {
    private DerbyHolder() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(args[0]);
        ds.setCreateDatabase("create");
        try (var c = ds.getConnection()) {
            System.out.println("HOLDING");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
