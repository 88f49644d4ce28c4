package io.holdfast.store.api;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The kernel database. Registered only once the database is open and the store's own schema is
 * current; if it cannot open (locked by another process, corrupt log, unreachable) the service
 * is absent and {@code holdfast:status} says why.
 */
public interface Store {

    DataSource dataSource();

    Dialect dialect();

    /**
     * Applies the module's migrations whose version is above the recorded one, each in its own
     * transaction. Safe to call on every start and from several bundles.
     *
     * @throws io.holdfast.api.error.HoldfastException {@code SCHEMA_TOO_NEW} if the database holds a
     *         newer version than this code knows (a downgrade), {@code STORE_UNAVAILABLE} on SQL errors
     * @return the module's schema version after migrating
     */
    int migrate(String module, List<Migration> migrations);

    /** Recorded schema version per module. */
    Map<String, Integer> schemaVersions();

    /** Where the database lives, for status output (URL without credentials). */
    String location();
}
