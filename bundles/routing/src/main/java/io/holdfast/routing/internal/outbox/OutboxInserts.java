package io.holdfast.routing.internal.outbox;

import io.holdfast.journal.api.BatchResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Outbox rows of one Intake batch, inserted with one JDBC batch just before the journal commits,
 * so they become visible exactly when the journal rows and idempotency claims do. The dispatcher
 * is woken on {@link #close()}, which the writer calls after the commit (or the rollback, when an
 * extra wake-up is harmless): woken earlier, it would look before the rows are visible.
 */
final class OutboxInserts implements BatchResource {
    /** A row to insert. */
    record NewRow(long journalId, String kind, String routeId, String target, String keyDigest, String contentDigest,
                  String orderingKey, String requestId, long now) {
    }

    private final Connection connection;
    private final Consumer<List<NewRow>> afterFlush;
    private final Runnable afterCommit;
    private final List<NewRow> rows = new ArrayList<>();

    OutboxInserts(Connection connection, Consumer<List<NewRow>> afterFlush, Runnable afterCommit) {
        this.connection = connection;
        this.afterFlush = afterFlush;
        this.afterCommit = afterCommit;
    }

    void add(NewRow row) {
        rows.add(row);
    }

    @Override
    public void flush() throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO routing_outbox (journal_id, kind, route_id, "
                + "target, key_digest, content_digest, ordering_key, request_id, state, attempts, created_at, next_attempt_at) "
                + "VALUES (?,?,?,?,?,?,?,?,'PENDING',0,?,?)")) {
            for (NewRow r : rows) {
                ps.setLong(1, r.journalId());
                ps.setString(2, r.kind());
                ps.setString(3, r.routeId());
                ps.setString(4, r.target());
                ps.setString(5, r.keyDigest());
                ps.setString(6, r.contentDigest());
                if (r.orderingKey() == null) {
                    ps.setNull(7, Types.CHAR);
                } else {
                    ps.setString(7, r.orderingKey());
                }
                ps.setString(8, r.requestId());
                ps.setLong(9, r.now());
                ps.setLong(10, r.now());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        afterFlush.accept(List.copyOf(rows));
    }

    @Override
    public void close() {
        boolean wrote = !rows.isEmpty();
        rows.clear();
        if (wrote) {
            afterCommit.run();
        }
    }
}
