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
    /** Outbox ids are {@code journalId * ROWS_PER_MESSAGE + n}: unique, and ordered as the journal is. */
    static final long ROWS_PER_MESSAGE = 1_000_000;

    /** A row to insert. */
    record NewRow(long journalId, String kind, String routeId, String target, String keyDigest, String contentDigest,
                  String orderingKey, String requestId, long now) {
    }

    private final Connection connection;
    private final Consumer<List<NewRow>> afterFlush;
    private final Runnable afterCommit;
    private final List<NewRow> rows = new ArrayList<>();
    private final java.util.Map<Long, Integer> perMessage = new java.util.HashMap<>();
    private final List<Long> ids = new ArrayList<>();

    OutboxInserts(Connection connection, Consumer<List<NewRow>> afterFlush, Runnable afterCommit) {
        this.connection = connection;
        this.afterFlush = afterFlush;
        this.afterCommit = afterCommit;
    }

    /**
     * Buffers a row. Its id follows from the journal id and the row's place in the message, so a
     * task run again (after a failed batch) produces the same ids.
     */
    void add(NewRow row) throws SQLException {
        int n = perMessage.merge(row.journalId(), 1, Integer::sum) - 1;
        if (n >= ROWS_PER_MESSAGE) {
            throw new SQLException("message " + row.journalId() + " would need more than " + ROWS_PER_MESSAGE + " outbox rows");
        }
        rows.add(row);
        ids.add(row.journalId() * ROWS_PER_MESSAGE + n);
    }

    @Override
    public void flush() throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO routing_outbox (journal_id, kind, route_id, "
                + "target, key_digest, content_digest, ordering_key, request_id, state, attempts, created_at, next_attempt_at, id) "
                + "VALUES (?,?,?,?,?,?,?,?,'PENDING',0,?,?,?)")) {
            for (int i = 0; i < rows.size(); i++) {
                NewRow r = rows.get(i);
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
                ps.setLong(11, ids.get(i));
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
        ids.clear();
        perMessage.clear();
        if (wrote) {
            afterCommit.run();
        }
    }
}
