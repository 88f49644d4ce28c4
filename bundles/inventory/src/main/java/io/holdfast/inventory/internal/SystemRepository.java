package io.holdfast.inventory.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC access to {@code inventory_system}; portable SQL for Derby and PostgreSQL. */
final class SystemRepository {
    private static final String COLUMNS =
            "id, name, ods_code, environment, transport, format, endpoint, auth_pattern, credential_ref, owner_contact";

    private final DataSource dataSource;
    private final Clock clock;

    SystemRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    Optional<DownstreamSystem> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM inventory_system WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    List<DownstreamSystem> all() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM inventory_system ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<DownstreamSystem> result = new ArrayList<>();
            while (rs.next()) {
                result.add(read(rs));
            }
            return result;
        }
    }

    /** Inserts; a duplicate id surfaces as the database's unique-constraint {@link SQLException}. */
    void insert(DownstreamSystem s) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO inventory_system (name, ods_code, environment, transport,"
                     + " format, endpoint, auth_pattern, credential_ref, owner_contact, updated_at, id)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, s);
            ps.executeUpdate();
        }
    }

    /** @return true if a row with this id existed and was replaced */
    boolean update(DownstreamSystem s) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE inventory_system SET name = ?, ods_code = ?, environment = ?,"
                     + " transport = ?, format = ?, endpoint = ?, auth_pattern = ?, credential_ref = ?, owner_contact = ?,"
                     + " updated_at = ? WHERE id = ?")) {
            bind(ps, s);
            return ps.executeUpdate() > 0;
        }
    }

    boolean delete(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM inventory_system WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    private void bind(PreparedStatement ps, DownstreamSystem s) throws SQLException {
        ps.setString(1, s.name());
        setOptional(ps, 2, s.odsCode());
        ps.setString(3, s.environment());
        ps.setString(4, s.transport());
        ps.setString(5, s.format().toString());
        ps.setString(6, s.endpoint());
        ps.setString(7, s.authPattern().name());
        setOptional(ps, 8, s.credentialRef());
        setOptional(ps, 9, s.ownerContact());
        ps.setTimestamp(10, Timestamp.from(clock.instant()));
        ps.setString(11, s.id());
    }

    private static void setOptional(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    private static DownstreamSystem read(ResultSet rs) throws SQLException {
        return new DownstreamSystem(rs.getString("id"), rs.getString("name"), Optional.ofNullable(rs.getString("ods_code")),
                rs.getString("environment"), rs.getString("transport"), WireFormat.parse(rs.getString("format")),
                rs.getString("endpoint"), AuthPattern.valueOf(rs.getString("auth_pattern")),
                Optional.ofNullable(rs.getString("credential_ref")), Optional.ofNullable(rs.getString("owner_contact")));
    }
}
