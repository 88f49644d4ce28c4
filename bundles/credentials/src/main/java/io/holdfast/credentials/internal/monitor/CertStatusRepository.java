package io.holdfast.credentials.internal.monitor;

import io.holdfast.credentials.api.CertificateStatus.State;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.internal.vault.Sql;
import io.holdfast.store.api.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The last alerted state per monitored certificate ({@code cert_status}), so a crossing is alerted
 * once, across restarts and (through conditional updates) across cluster nodes.
 */
final class CertStatusRepository {
    private static final String KEY = "environment = ? AND entry_id = ? AND kind = ? AND version = ? AND fingerprint = ?";
    private final DataSource dataSource;
    private final Dialect dialect;

    CertStatusRepository(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Map<StatusKey, State> load() throws SQLException {
        Map<StatusKey, State> result = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT environment, entry_id, kind, version, fingerprint, state FROM cert_status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.put(new StatusKey(rs.getString(1), rs.getString(2), CredentialKind.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getString(5)), State.valueOf(rs.getString(6)));
            }
        }
        return result;
    }

    /** @return false if another node recorded it first */
    boolean insert(StatusKey key, State state, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO cert_status (environment, entry_id, kind, version,"
                     + " fingerprint, state, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, 1, key);
            ps.setString(6, state.name());
            Sql.setInstant(ps, 7, now);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (dialect.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Moves from {@code from} to {@code to}; false if the stored state was no longer {@code from}. */
    boolean update(StatusKey key, State from, State to, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE cert_status SET state = ?, changed_at = ? WHERE " + KEY
                     + " AND state = ?")) {
            ps.setString(1, to.name());
            Sql.setInstant(ps, 2, now);
            bind(ps, 3, key);
            ps.setString(8, from.name());
            return ps.executeUpdate() > 0;
        }
    }

    void delete(StatusKey key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM cert_status WHERE " + KEY)) {
            bind(ps, 1, key);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, int first, StatusKey key) throws SQLException {
        ps.setString(first, key.environment());
        ps.setString(first + 1, key.entryId());
        ps.setString(first + 2, key.kind().name());
        ps.setInt(first + 3, key.version());
        ps.setString(first + 4, key.fingerprint());
    }
}
