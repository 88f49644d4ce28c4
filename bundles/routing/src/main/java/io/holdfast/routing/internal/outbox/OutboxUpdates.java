package io.holdfast.routing.internal.outbox;

import io.holdfast.journal.api.BatchResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outbox and dead-letter changes made inside a journal batch, so the row's new state commits
 * together with the stages (SENT, ACKED, DEAD_LETTER...) that explain it.
 */
public final class OutboxUpdates implements BatchResource {
    /** One statement execution; {@code conflict} set means "fail the task if no row changed". */
    record Change(String sql, Object[] params, String conflict) {
    }

    private final Connection connection;
    private final List<Change> changes = new ArrayList<>();

    OutboxUpdates(Connection connection) {
        this.connection = connection;
    }

    void add(String sql, String conflict, Object... params) {
        changes.add(new Change(sql, params, conflict));
    }

    @Override
    public void flush() throws SQLException {
        Map<String, List<Change>> bySql = new LinkedHashMap<>();
        for (Change c : changes) {
            bySql.computeIfAbsent(c.sql(), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<Change>> e : bySql.entrySet()) {
            try (PreparedStatement ps = connection.prepareStatement(e.getKey())) {
                for (Change c : e.getValue()) {
                    bind(ps, c.params());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    String conflict = e.getValue().get(i).conflict();
                    if (conflict != null && counts[i] == 0) {
                        throw new SQLException(conflict, "40001");
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, p.toString());
            }
        }
    }

    @Override
    public void close() {
        changes.clear();
    }
}
