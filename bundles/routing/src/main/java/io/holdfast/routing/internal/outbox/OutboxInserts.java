package io.holdfast.routing.internal.outbox;

import io.holdfast.journal.api.BatchResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Outbox rows of one Intake batch, inserted with one JDBC batch just before the journal commits,
 * so they become visible exactly when the journal rows and idempotency claims do. Rows the local
 * dispatcher has room for are written LEASED to it and handed over after the commit
 * ({@link OutboxHandoff}); for the rest the dispatcher's poller is woken after the commit: woken
 * earlier, it would look before the rows are visible.
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
    private final Runnable wakeDispatcher;
    private final OutboxHandoff handoff;
    private final OutboxStore store;
    private final List<NewRow> rows = new ArrayList<>();
    private final Map<Long, Integer> perMessage = new HashMap<>();
    private final List<Long> ids = new ArrayList<>();
    private final List<OutboxRow> leased = new ArrayList<>();
    private OutboxHandoff.Taker taker;
    private boolean pending;
    private boolean committed;
    private int reserved;

    OutboxInserts(Connection connection, Consumer<List<NewRow>> afterFlush, Runnable wakeDispatcher, OutboxStore store) {
        this.connection = connection;
        this.store = store;
        this.afterFlush = afterFlush;
        this.wakeDispatcher = wakeDispatcher;
        this.handoff = store.handoff();
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
        boolean[] lease = handOff();
        // Learned after the checks in handOff, so a pair is not "open" merely because this batch adds it.
        for (NewRow r : rows) {
            store.opening(r.target(), r.orderingKey());
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO routing_outbox (journal_id, kind, route_id, "
                + "target, key_digest, content_digest, ordering_key, request_id, state, attempts, created_at, next_attempt_at, "
                + "lease_owner, lease_until, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
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
                ps.setString(9, lease[i] ? OutboxState.LEASED.name() : OutboxState.PENDING.name());
                ps.setInt(10, lease[i] ? 1 : 0);
                ps.setLong(11, r.now());
                ps.setLong(12, r.now());
                if (lease[i]) {
                    ps.setString(13, taker.owner());
                    ps.setLong(14, r.now() + taker.leaseMs());
                    leased.add(new OutboxRow(ids.get(i), r.journalId(), r.kind(), r.routeId(), r.target(), r.keyDigest(),
                            r.contentDigest(), Optional.ofNullable(r.orderingKey()), r.requestId(), OutboxState.LEASED, 1,
                            Instant.ofEpochMilli(r.now()), Instant.ofEpochMilli(r.now()), Optional.of(taker.owner()),
                            Optional.empty(), Optional.empty()));
                } else {
                    ps.setNull(13, Types.VARCHAR);
                    ps.setNull(14, Types.BIGINT);
                    pending = true;
                }
                ps.setLong(15, ids.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        afterFlush.accept(List.copyOf(rows));
    }

    /**
     * Decides which rows go straight to the local dispatcher: as many as it has room for, in batch
     * order, skipping ordered rows behind an open row of the same (target, ordering key) — in the
     * table or earlier in this batch — which must wait their turn through the poller.
     */
    private boolean[] handOff() throws SQLException {
        boolean[] lease = new boolean[rows.size()];
        taker = handoff.current();
        if (taker == null) {
            return lease;
        }
        Set<String> blocked = new HashSet<>();
        List<Integer> eligible = new ArrayList<>();
        try (PreparedStatement open = connection.prepareStatement("SELECT 1 FROM routing_outbox WHERE target = ? "
                + "AND ordering_key = ? AND state IN ('PENDING', 'LEASED') FETCH FIRST 1 ROWS ONLY")) {
            for (int i = 0; i < rows.size(); i++) {
                NewRow r = rows.get(i);
                if (r.orderingKey() != null) {
                    if (!blocked.add(r.target() + '|' + r.orderingKey())) {
                        continue;
                    }
                    if (!store.mayHaveOpenRow(r.target(), r.orderingKey())) {
                        eligible.add(i);
                        continue;
                    }
                    open.setString(1, r.target());
                    open.setString(2, r.orderingKey());
                    try (ResultSet rs = open.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                eligible.add(i);
            }
        }
        int granted = eligible.isEmpty() ? 0 : taker.reserve(eligible.size());
        for (int n = 0; n < granted; n++) {
            lease[eligible.get(n)] = true;
        }
        reserved = granted;
        return lease;
    }

    @Override
    public void committed() {
        committed = true;
        if (!leased.isEmpty()) {
            taker.take(List.copyOf(leased));
        }
        if (pending) {
            wakeDispatcher.run();
        }
    }

    @Override
    public void close() {
        if (!committed && reserved > 0) {
            taker.unreserve(reserved);
        }
        rows.clear();
        ids.clear();
        perMessage.clear();
        leased.clear();
        reserved = 0;
        pending = false;
        committed = false;
    }
}
