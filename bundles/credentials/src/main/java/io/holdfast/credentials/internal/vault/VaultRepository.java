package io.holdfast.credentials.internal.vault;

import io.holdfast.credentials.api.Activation;
import io.holdfast.credentials.api.CertificateFacts;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.store.api.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/** JDBC access to {@code credential_version} and {@code credential_cert}; portable SQL for Derby and PostgreSQL. */
final class VaultRepository {
    private static final String ROW_COLUMNS = "environment, entry_id, kind, version, system_id, activate_at, imported_at,"
            + " fingerprint, key_id";

    private final DataSource dataSource;
    private final Dialect dialect;

    VaultRepository(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** What to store for a new version; the version number and sealed bytes are decided in the transaction. */
    record NewVersion(SlotKey slot, Optional<String> systemId, Activation activation, Instant now,
                      Optional<String> fingerprint, Optional<String> keyId, List<CertificateFacts> certificates) {
    }

    /**
     * Inserts the next version of the slot and its certificate rows in one transaction, sealing with
     * the version number it got. Retries if another node took the same number.
     */
    int insertNext(NewVersion v, IntFunction<byte[]> sealer) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    int version = maxVersion(c, v.slot()) + 1;
                    Instant activateAt = activateAt(c, v);
                    insertVersion(c, v, version, activateAt, sealer.apply(version));
                    insertCertificates(c, v.slot().version(version), v.certificates());
                    c.commit();
                    return version;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    if (!(e instanceof SQLException s && dialect.isDuplicateKey(s) && attempt < 3)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static Instant activateAt(Connection c, NewVersion v) throws SQLException {
        Activation a = v.activation();
        if (a instanceof Activation.Now) {
            return v.now();
        }
        if (a instanceof Activation.At at) {
            return at.instant().isBefore(v.now()) ? v.now() : at.instant();
        }
        if (a instanceof Activation.Manual) {
            return null;
        }
        return hasActivated(c, v.slot()) ? null : v.now();
    }

    private static int maxVersion(Connection c, SlotKey slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(version) FROM credential_version WHERE environment = ? AND entry_id = ? AND kind = ?")) {
            bindSlot(ps, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static boolean hasActivated(Connection c, SlotKey slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM credential_version WHERE environment = ?"
                + " AND entry_id = ? AND kind = ? AND activate_at IS NOT NULL")) {
            bindSlot(ps, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    private static void insertVersion(Connection c, NewVersion v, int version, Instant activateAt, byte[] sealed)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential_version (" + ROW_COLUMNS + ", sealed)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindSlot(ps, v.slot());
            ps.setInt(4, version);
            Sql.setOptional(ps, 5, v.systemId());
            Sql.setInstant(ps, 6, activateAt);
            Sql.setInstant(ps, 7, v.now());
            Sql.setOptional(ps, 8, v.fingerprint());
            Sql.setOptional(ps, 9, v.keyId());
            ps.setBytes(10, sealed);
            ps.executeUpdate();
        }
    }

    private static void insertCertificates(Connection c, VersionKey key, List<CertificateFacts> certs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential_cert (environment, entry_id, kind, version,"
                + " position, subject, issuer, serial, not_before, not_after, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < certs.size(); i++) {
                CertificateFacts f = certs.get(i);
                bindSlot(ps, key.slot());
                ps.setInt(4, key.version());
                ps.setInt(5, i);
                ps.setString(6, truncate(f.subject(), 1024));
                ps.setString(7, truncate(f.issuer(), 1024));
                ps.setString(8, f.serial());
                Sql.setInstant(ps, 9, f.notBefore());
                Sql.setInstant(ps, 10, f.notAfter());
                ps.setString(11, f.fingerprint());
                ps.addBatch();
            }
            if (!certs.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    /** Version rows, all or of one environment, ordered by environment, entry, kind, version. */
    List<VersionRow> rows(Optional<String> environment, Optional<String> entryId) throws SQLException {
        String where = environment.isPresent() ? (entryId.isPresent() ? " WHERE environment = ? AND entry_id = ?"
                : " WHERE environment = ?") : "";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM credential_version" + where
                     + " ORDER BY environment, entry_id, kind, version")) {
            if (environment.isPresent()) {
                ps.setString(1, environment.get());
                if (entryId.isPresent()) {
                    ps.setString(2, entryId.get());
                }
            }
            return readRows(ps);
        }
    }

    /** The version active at {@code now}: the latest activation at or before it (ties: the higher version). */
    Optional<VersionRow> active(SlotKey slot, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM credential_version"
                     + " WHERE environment = ? AND entry_id = ? AND kind = ? AND activate_at IS NOT NULL AND activate_at <= ?"
                     + " ORDER BY activate_at DESC, version DESC FETCH FIRST 1 ROWS ONLY")) {
            bindSlot(ps, slot);
            Sql.setInstant(ps, 4, now);
            return readRows(ps).stream().findFirst();
        }
    }

    Optional<byte[]> sealed(VersionKey key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sealed FROM credential_version"
                     + " WHERE environment = ? AND entry_id = ? AND kind = ? AND version = ?")) {
            bindSlot(ps, key.slot());
            ps.setInt(4, key.version());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    boolean setActivateAt(VersionKey key, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE credential_version SET activate_at = ?"
                     + " WHERE environment = ? AND entry_id = ? AND kind = ? AND version = ?")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, key.slot().environment());
            ps.setString(3, key.slot().entryId());
            ps.setString(4, key.slot().kind().name());
            ps.setInt(5, key.version());
            return ps.executeUpdate() > 0;
        }
    }

    /** Certificate facts per version, in stored order. */
    Map<VersionKey, List<CertificateFacts>> certificates(Optional<String> environment) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT environment, entry_id, kind, version, subject, issuer, serial,"
                     + " not_before, not_after, fingerprint FROM credential_cert"
                     + (environment.isPresent() ? " WHERE environment = ?" : "") + " ORDER BY environment, entry_id, kind, version, position")) {
            if (environment.isPresent()) {
                ps.setString(1, environment.get());
            }
            Map<VersionKey, List<CertificateFacts>> result = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    VersionKey key = new SlotKey(rs.getString(1), rs.getString(2), CredentialKind.valueOf(rs.getString(3)))
                            .version(rs.getInt(4));
                    result.computeIfAbsent(key, k -> new ArrayList<>()).add(new CertificateFacts(rs.getString(5),
                            rs.getString(6), rs.getString(7), Sql.getInstant(rs, "not_before").orElseThrow(),
                            Sql.getInstant(rs, "not_after").orElseThrow(), rs.getString(10)));
                }
            }
            return result;
        }
    }

    private static List<VersionRow> readRows(PreparedStatement ps) throws SQLException {
        List<VersionRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                SlotKey slot = new SlotKey(rs.getString("environment"), rs.getString("entry_id"),
                        CredentialKind.valueOf(rs.getString("kind")));
                rows.add(new VersionRow(slot.version(rs.getInt("version")), Optional.ofNullable(rs.getString("system_id")),
                        Sql.getInstant(rs, "activate_at"), Sql.getInstant(rs, "imported_at").orElseThrow(),
                        Optional.ofNullable(rs.getString("fingerprint")), Optional.ofNullable(rs.getString("key_id"))));
            }
        }
        return rows;
    }

    private static void bindSlot(PreparedStatement ps, SlotKey slot) throws SQLException {
        ps.setString(1, slot.environment());
        ps.setString(2, slot.entryId());
        ps.setString(3, slot.kind().name());
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
