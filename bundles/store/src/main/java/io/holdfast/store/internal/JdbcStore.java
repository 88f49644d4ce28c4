package io.holdfast.store.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.store.api.Dialect;
import io.holdfast.store.api.Migration;
import io.holdfast.store.api.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store over any JDBC DataSource. Opening it proves the database can be reached (and, for
 * Derby, that no other process holds it) and creates the {@code holdfast_schema} table in which
 * every module records its schema version.
 */
public class JdbcStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
    static final String SCHEMA_TABLE = "holdfast_schema";

    private final DataSource dataSource;
    private final String location;
    private final Dialect dialect;
    private volatile Runnable onMigrated = () -> { };

    /**
     * @throws HoldfastException STORE_LOCKED, STORE_CORRUPT or STORE_UNAVAILABLE with an actionable message
     */
    public JdbcStore(DataSource dataSource, String location) {
        this(dataSource, location, java.util.Optional.empty());
    }

    /**
     * @param derbyDirectory the Derby database directory, when the database is embedded Derby: its
     *                       log is then protected against being rewritten by a failed recovery
     */
    public JdbcStore(DataSource dataSource, String location, java.util.Optional<java.nio.file.Path> derbyDirectory) {
        this.dataSource = dataSource;
        this.location = location;
        try {
            this.dialect = derbyDirectory.isPresent()
                    ? DerbyBootGuard.guarded(derbyDirectory.get(), this::open)
                    : open();
        } catch (SQLException e) {
            throw StoreFailures.classify(e, location, derbyDirectory.map(java.nio.file.Path::toString).orElse(location));
        } catch (IllegalArgumentException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, e.getMessage(), e);
        }
    }

    private Dialect open() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Dialect d = Dialect.fromProductName(c.getMetaData().getDatabaseProductName());
            ensureSchemaTable(c);
            return d;
        }
    }

    private void ensureSchemaTable(Connection c) throws SQLException {
        if (tableExists(c, SCHEMA_TABLE)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE " + SCHEMA_TABLE + " (module VARCHAR(64) NOT NULL PRIMARY KEY, "
                    + "version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        } catch (SQLException e) {
            // Another node or bundle created it first: fine, as long as it exists now.
            if (!tableExists(c, SCHEMA_TABLE)) {
                throw e;
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public synchronized int migrate(String module, List<Migration> migrations) {
        List<Migration> ordered = migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
        int known = ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).version();
        try (Connection c = dataSource.getConnection()) {
            int current = recordedVersion(c, module);
            if (current > known) {
                throw new HoldfastException(ErrorCode.SCHEMA_TOO_NEW, "Module " + module + " schema in " + location
                        + " is version " + current + " but this Holdfast knows only up to " + known
                        + ". Run the newer Holdfast version, or restore a backup taken before the upgrade.");
            }
            for (Migration m : ordered) {
                if (m.version() > current) {
                    apply(c, module, m, current);
                    current = m.version();
                }
            }
            onMigrated.run();
            return current;
        } catch (SQLException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "Migrating " + module + " in " + location
                    + " failed: " + StoreFailures.innermost(e) + ". The failed step was rolled back.", e);
        }
    }

    private void apply(Connection c, String module, Migration m, int previous) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                s.executeUpdate(dialect.expand(sql));
            }
            recordVersion(c, module, m, previous);
            c.commit();
            LOG.info("Schema {} migrated to version {} ({})", module, m.version(), m.description());
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void recordVersion(Connection c, String module, Migration m, int previous) throws SQLException {
        String sql = previous == 0
                ? "INSERT INTO " + SCHEMA_TABLE + " (version, description, applied_at, module) VALUES (?, ?, ?, ?)"
                : "UPDATE " + SCHEMA_TABLE + " SET version = ?, description = ?, applied_at = ? WHERE module = ? AND version = " + previous;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, m.version());
            ps.setString(2, truncate(m.description(), 200));
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setString(4, module);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("schema version of " + module + " changed concurrently", "40001");
            }
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static int recordedVersion(Connection c, String module) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + SCHEMA_TABLE + " WHERE module = ?")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Called after every migrate call, e.g. to refresh the schema versions shown by holdfast:status. */
    void onMigrated(Runnable listener) {
        this.onMigrated = listener;
    }

    @Override
    public Map<String, Integer> schemaVersions() {
        Map<String, Integer> versions = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT module, version FROM " + SCHEMA_TABLE)) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getInt(2));
            }
            return versions;
        } catch (SQLException e) {
            throw StoreFailures.classify(e, location);
        }
    }
}
