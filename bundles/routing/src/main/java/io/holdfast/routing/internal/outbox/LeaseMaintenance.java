package io.holdfast.routing.internal.outbox;

import io.holdfast.journal.api.BatchResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lease renewal, recovery and release, made inside a journal batch like every other outbox write.
 * Why: a recovery {@code UPDATE ... SET state='PENDING'} on its own connection scanned the
 * {@code (state, next_attempt_at)} index while the writer's batch held the rows it was marking
 * DONE, each waiting for a row the other held: a Derby deadlock that stalled ACKs for the
 * deadlock timeout. With every outbox write on the single writer thread there is one statement
 * order and no second transaction to deadlock with.
 */
final class LeaseMaintenance implements BatchResource {
    /** One request; {@link #rows()} is valid once the batch committed. */
    static final class Request {
        private final String sql;
        private final Object[] params;
        private int rows;

        private Request(String sql, Object... params) {
            this.sql = sql;
            this.params = params;
        }

        int rows() {
            return rows;
        }
    }

    private static final String TO_PENDING = "UPDATE routing_outbox SET state = 'PENDING', lease_owner = NULL, lease_until = NULL ";

    private final Connection connection;
    private final List<Request> requests = new ArrayList<>();

    LeaseMaintenance(Connection connection) {
        this.connection = connection;
    }

    /** Rows whose lease ended before {@code before} go back to PENDING (their worker died or hung). */
    Request recover(long before) {
        return add(new Request(TO_PENDING + "WHERE state = 'LEASED' AND lease_until < ?", before));
    }

    /** Rows a previous run of this node left LEASED go back to PENDING at once. */
    Request release(String ownerPrefix) {
        return add(new Request(TO_PENDING + "WHERE state = 'LEASED' AND lease_owner LIKE ?", ownerPrefix.replace("%", "") + "%"));
    }

    /** Extends the lease of a row still held by {@code owner} (a delivery in progress). */
    Request renew(long id, String owner, long until) {
        return add(new Request("UPDATE routing_outbox SET lease_until = ? WHERE id = ? AND lease_owner = ? AND state = 'LEASED'",
                until, id, owner));
    }

    private Request add(Request r) {
        requests.add(r);
        return r;
    }

    @Override
    public void flush() throws SQLException {
        for (Request r : requests) {
            try (PreparedStatement ps = connection.prepareStatement(r.sql)) {
                for (int i = 0; i < r.params.length; i++) {
                    if (r.params[i] instanceof Long l) {
                        ps.setLong(i + 1, l);
                    } else {
                        ps.setString(i + 1, (String) r.params[i]);
                    }
                }
                r.rows = ps.executeUpdate();
            }
        }
    }

    @Override
    public void close() {
        requests.clear();
    }
}
