package io.holdfast.credentials.internal.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;

/** Timestamps stored as UTC whatever the JVM's zone, so nodes in different zones agree. */
public final class Sql {
    private static final ThreadLocal<Calendar> UTC = ThreadLocal.withInitial(() -> Calendar.getInstance(TimeZone.getTimeZone("UTC")));

    private Sql() {
    }

    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(value), UTC.get());
        }
    }

    public static Optional<Instant> getInstant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column, UTC.get());
        return ts == null ? Optional.empty() : Optional.of(ts.toInstant());
    }

    public static void setOptional(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }
}
