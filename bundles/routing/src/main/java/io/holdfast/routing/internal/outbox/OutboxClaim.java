package io.holdfast.routing.internal.outbox;

import io.holdfast.journal.api.BatchResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims made inside a journal batch: due rows are leased in the batch's transaction, after the
 * batch's own outbox inserts and outcome updates are flushed, so a claim shares Intake's group
 * commit instead of needing a durable commit of its own (on Derby that second commit competed
 * with Intake's for the log), and sees a predecessor this batch just finished.
 */
final class OutboxClaim implements BatchResource {
    /** One claim; {@link #won()} is filled when the batch flushes and valid once it committed. */
    static final class Request {
        final String owner;
        final long leaseMs;
        final int limit;
        final long now;
        private List<OutboxRow> won = List.of();

        Request(String owner, long leaseMs, int limit, long now) {
            this.owner = owner;
            this.leaseMs = leaseMs;
            this.limit = limit;
            this.now = now;
        }

        List<OutboxRow> won() {
            return won;
        }
    }

    private final Connection connection;
    private final OutboxStore store;
    private final List<Request> requests = new ArrayList<>();

    OutboxClaim(Connection connection, OutboxStore store) {
        this.connection = connection;
        this.store = store;
    }

    void add(Request r) {
        requests.add(r);
    }

    @Override
    public void flush() throws SQLException {
        for (Request r : requests) {
            r.won = store.claim(connection, r.owner, r.leaseMs, r.limit, r.now);
        }
    }

    @Override
    public void close() {
        requests.clear();
    }
}
