package io.holdfast.store.api;

import java.sql.SQLException;

/**
 * The SQL differences Holdfast cares about. Migrations write portable SQL with placeholders
 * ({@code ${BINARY}}, {@code ${TEXT}}, {@code ${IDENTITY}}, {@code ${BOOLEAN}}) that the dialect
 * expands, so adding a database does not touch callers.
 */
public enum Dialect {
    DERBY("VARCHAR(32672) FOR BIT DATA", "CLOB", "BIGINT GENERATED ALWAYS AS IDENTITY", "SMALLINT"),
    POSTGRESQL("BYTEA", "TEXT", "BIGINT GENERATED ALWAYS AS IDENTITY", "SMALLINT");

    private final String binary;
    private final String text;
    private final String identity;
    private final String bool;

    Dialect(String binary, String text, String identity, String bool) {
        this.binary = binary;
        this.text = text;
        this.identity = identity;
        this.bool = bool;
    }

    /** Expands the portable placeholders of a migration statement. */
    public String expand(String sql) {
        return sql.replace("${BINARY}", binary).replace("${TEXT}", text).replace("${IDENTITY}", identity)
                .replace("${BOOLEAN}", bool);
    }

    /** True if the exception (or a cause) is a unique-constraint violation. */
    public boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Detects the dialect from JDBC metadata's product name. */
    public static Dialect fromProductName(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(java.util.Locale.ROOT);
        if (p.contains("derby")) {
            return DERBY;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database '" + productName + "'; supported: Apache Derby, PostgreSQL");
    }
}
