package io.holdfast.routing.internal.outbox;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.store.api.Dialect;
import io.holdfast.store.api.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.keys.api.MasterKeys;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The outbox tables: claiming due rows under a lease, lease upkeep, and the reads behind
 * back-pressure and the shell. Every write to the outbox is made on the journal writer's thread,
 * inside its batch transaction ({@link OutboxUpdates}, {@link OutboxClaim}, {@link LeaseMaintenance}):
 * one writer, one statement order, so outbox writes cannot deadlock with each other. Reads run on
 * their own connections and retry a deadlock victim ({@link DeadlockRetry}).
 *
 * <p>Claiming is two steps in one journal-writer transaction: select due candidates (on PostgreSQL with
 * {@code FOR UPDATE SKIP LOCKED}, so nodes never wait for each other), then lease each with an
 * {@code UPDATE ... WHERE state = 'PENDING'} whose update count proves this claimer won it (what
 * makes it safe on Derby, which has no SKIP LOCKED).
 */
@Component(service = OutboxStore.class)
public class OutboxStore {
    static final String COLUMNS = "id, journal_id, kind, route_id, target, key_digest, content_digest, ordering_key, "
            + "request_id, state, attempts, created_at, next_attempt_at, lease_owner, tracking_id, last_error";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final OutboxSignal signal = new OutboxSignal();
    private final OutboxHandoff handoff = new OutboxHandoff();
    private final OpenKeyFilter openKeys;
    private final OutboxText text;
    private static final long CLAIM_WAIT_MS = 30_000;

    @Activate
    public OutboxStore(@Reference Store store, @Reference MasterKeys keys) {
        this.text = new OutboxText(keys);
        store.migrate(RoutingSchema.MODULE, RoutingSchema.MIGRATIONS);
        this.dataSource = store.dataSource();
        this.dialect = store.dialect();
        this.openKeys = dialect == Dialect.POSTGRESQL ? null : loadOpenKeys();
    }

    /** The ordering keys with open rows now; every one that opens later is added as it is written. */
    private OpenKeyFilter loadOpenKeys() {
        OpenKeyFilter f = new OpenKeyFilter();
        query("SELECT target, ordering_key FROM routing_outbox WHERE ordering_key IS NOT NULL AND state IN ('PENDING', 'LEASED')",
                rs -> {
                    while (rs.next()) {
                        f.add(rs.getString(1), rs.getString(2));
                    }
                    return null;
                });
        return f;
    }

    /**
     * Whether a row of this (target, ordering key) may be open. False means certainly not (this
     * node saw every row opened); true means ask the database.
     */
    boolean mayHaveOpenRow(String target, String orderingKey) {
        return openKeys == null || openKeys.mightBeOpen(target, orderingKey);
    }

    /** Records that a row of this pair is (or is about to be, in the batch being written) open. */
    void opening(String target, String orderingKey) {
        if (openKeys != null && orderingKey != null) {
            openKeys.add(target, orderingKey);
        }
    }

    /** Seals and opens the outbox's free text (last error, dead-letter reason). */
    OutboxText text() {
        return text;
    }

    /** Where this node's dispatcher takes rows straight from Intake's batches. */
    public OutboxHandoff handoff() {
        return handoff;
    }

    /** Wakes dispatchers when Intake has written rows. */
    public OutboxSignal signal() {
        return signal;
    }

    /**
     * Leases up to {@code limit} due rows. For ordered rows only the oldest open row of each
     * (target, ordering key) is due: a later event for the same patient waits while an earlier one
     * is pending, retrying or being delivered. The claim is made inside a journal batch
     * ({@link OutboxClaim}): it commits with whatever else the journal writer is committing, so
     * claiming costs no durable commit of its own.
     *
     * @throws HoldfastException STORE_UNAVAILABLE if the batch did not commit within {@code timeoutMs}
     */
    public List<OutboxRow> claim(JournalWriter writer, String owner, long leaseMs, int limit, long now, long timeoutMs) {
        for (int attempt = 1; ; attempt++) {
            try {
                return claimOnce(writer, owner, leaseMs, limit, now, timeoutMs);
            } catch (HoldfastException e) {
                if (attempt >= DeadlockRetry.TRIES || !DeadlockRetry.isVictim(e)) {
                    throw e;
                }
                DeadlockRetry.pause(attempt);
            }
        }
    }

    private List<OutboxRow> claimOnce(JournalWriter writer, String owner, long leaseMs, int limit, long now, long timeoutMs) {
        CompletableFuture<OutboxClaim.Request> claimed = writer.submit(batch -> {
            OutboxClaim.Request r = new OutboxClaim.Request(owner, leaseMs, limit, now);
            batch.resource(OutboxClaim.class, c -> new OutboxClaim(c, this)).add(r);
            return r;
        });
        try {
            return claimed.get(timeoutMs, TimeUnit.MILLISECONDS).won();
        } catch (ExecutionException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "Outbox claim not stored: " + e.getCause().getMessage()
                    + "; nothing was leased", e.getCause());
        } catch (TimeoutException e) {
            // If it commits later, its rows stay leased to this owner until the lease ends, then go again.
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "Outbox claim not committed within " + timeoutMs
                    + " ms; rows it may still lease are retried after their lease", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "Outbox claim interrupted", e);
        }
    }

    /** Whether any row is PENDING and due (ordering not considered): a cheap read before asking the writer to claim. */
    public boolean anyDue(long now) {
        return query("SELECT 1 FROM routing_outbox WHERE state = 'PENDING' AND next_attempt_at <= ? FETCH FIRST 1 ROWS ONLY",
                ResultSet::next, now);
    }

    List<OutboxRow> claim(Connection c, String owner, long leaseMs, int limit, long now) throws SQLException {
        String select = "SELECT " + COLUMNS + " FROM routing_outbox o WHERE o.state = 'PENDING' AND o.next_attempt_at <= ? "
                + "AND (o.ordering_key IS NULL OR NOT EXISTS (SELECT 1 FROM routing_outbox p WHERE p.target = o.target "
                + "AND p.ordering_key = o.ordering_key AND p.id < o.id AND p.state IN ('PENDING', 'LEASED'))) "
                + "ORDER BY o.next_attempt_at, o.id FETCH FIRST " + limit + " ROWS ONLY"
                + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "");
        List<OutboxRow> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(row(rs));
                }
            }
        }
        List<OutboxRow> won = new ArrayList<>(candidates.size());
        if (candidates.isEmpty()) {
            return won;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE routing_outbox SET state = 'LEASED', lease_owner = ?, "
                + "lease_until = ?, attempts = attempts + CASE WHEN tracking_id IS NULL THEN 1 ELSE 0 END "
                + "WHERE id = ? AND state = 'PENDING'")) {
            for (OutboxRow r : candidates) {
                ps.setString(1, owner);
                ps.setLong(2, now + leaseMs);
                ps.setLong(3, r.id());
                if (ps.executeUpdate() == 1) {
                    int attempts = r.trackingId().isEmpty() ? r.attempts() + 1 : r.attempts();
                    won.add(new OutboxRow(r.id(), r.journalId(), r.kind(), r.routeId(), r.target(), r.keyDigest(),
                            r.contentDigest(), r.orderingKey(), r.requestId(), OutboxState.LEASED, attempts, r.createdAt(),
                            r.nextAttemptAt(), Optional.of(owner), r.trackingId(), r.lastError()));
                }
            }
        }
        return won;
    }

    /**
     * Returns rows whose lease ended before {@code before} (their dispatcher died or hung) to
     * PENDING; the attempt stays counted. Made in a journal batch like every outbox write, so it
     * cannot deadlock with the batch marking rows DONE ({@link LeaseMaintenance}); a cheap read
     * first, so an idle node does not wake the writer every second.
     *
     * @return the number of rows recovered, once committed
     */
    public CompletableFuture<Integer> recoverLeases(JournalWriter writer, long before) {
        boolean any = query("SELECT 1 FROM routing_outbox WHERE state = 'LEASED' AND lease_until < ? FETCH FIRST 1 ROWS ONLY",
                ResultSet::next, before);
        if (!any) {
            return CompletableFuture.completedFuture(0);
        }
        return writer.submit(batch -> batch.resource(LeaseMaintenance.class, LeaseMaintenance::new).recover(before))
                .thenApply(LeaseMaintenance.Request::rows);
    }

    /** Releases leases a previous run of this node left behind, so they are retried at once after a restart. */
    public int releaseLeasesOf(JournalWriter writer, String ownerPrefix) {
        return await(writer.submit(batch -> batch.resource(LeaseMaintenance.class, LeaseMaintenance::new).release(ownerPrefix)),
                "Releasing this node's earlier leases").rows();
    }

    /**
     * Extends the leases of rows whose delivery is still in progress, so a slow transport (a
     * 10-minute MESH upload) is never taken over by a second worker while it still runs.
     */
    public CompletableFuture<Void> renewLeases(JournalWriter writer, Collection<OutboxRow> rows, long until) {
        if (rows.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<OutboxRow> copy = List.copyOf(rows);
        return writer.submit(batch -> {
            LeaseMaintenance leases = batch.resource(LeaseMaintenance.class, LeaseMaintenance::new);
            copy.forEach(r -> leases.renew(r.id(), r.leaseOwner().orElse(""), until));
            return null;
        });
    }

    private static <T> T await(CompletableFuture<T> f, String what) {
        try {
            return f.get(CLAIM_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, what + " not committed within " + CLAIM_WAIT_MS + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, what + " interrupted", e);
        }
    }

    /** Rows open (PENDING or LEASED) per target. */
    public Map<String, Long> openDepths() {
        return countsByTarget("SELECT target, COUNT(*) FROM routing_outbox WHERE state IN ('PENDING', 'LEASED') GROUP BY target");
    }

    /** Dead letters not yet replayed or otherwise resolved, per target. */
    public Map<String, Long> unresolvedDeadLetters() {
        return countsByTarget("SELECT target, COUNT(*) FROM routing_dead_letter WHERE resolved_at IS NULL GROUP BY target");
    }

    /** A {@code SELECT target, COUNT(*) ... GROUP BY target} as a map. */
    private Map<String, Long> countsByTarget(String sql) {
        return query(sql, rs -> {
            Map<String, Long> out = new TreeMap<>();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        });
    }

    /** Depth per target and state, with the oldest row's creation time. */
    public record Depth(String target, String state, long rows, Instant oldest) {
    }

    public List<Depth> depths() {
        return query("SELECT target, state, COUNT(*), MIN(created_at) FROM routing_outbox GROUP BY target, state "
                + "ORDER BY target, state", rs -> {
            List<Depth> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Depth(rs.getString(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4))));
            }
            return out;
        });
    }

    public Optional<OutboxRow> find(long id) {
        return query("SELECT " + COLUMNS + " FROM routing_outbox WHERE id = ?", rs -> rs.next() ? Optional.of(row(rs))
                : Optional.<OutboxRow>empty(), id);
    }

    /** Rows by optional target and state, oldest first. */
    public List<OutboxRow> list(Optional<String> target, Optional<OutboxState> state, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM routing_outbox WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        target.ifPresent(t -> {
            sql.append(" AND target = ?");
            params.add(t);
        });
        state.ifPresent(s -> {
            sql.append(" AND state = ?");
            params.add(s.name());
        });
        sql.append(" ORDER BY id FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return query(sql.toString(), this::rows, params.toArray());
    }

    /** Rows of one journaled message. */
    public List<OutboxRow> byJournalId(long journalId) {
        return query("SELECT " + COLUMNS + " FROM routing_outbox WHERE journal_id = ? ORDER BY id", this::rows, journalId);
    }

    /** An unresolved or resolved dead letter. */
    public record DeadLetter(long outboxId, long journalId, String routeId, String target, int attempts,
                             String reason, Instant deadAt, Optional<String> resolvedBy, Optional<String> resolution) {
    }

    public List<DeadLetter> deadLetters(Optional<String> target, boolean includeResolved, int limit) {
        StringBuilder sql = new StringBuilder("SELECT outbox_id, journal_id, route_id, target, attempts, reason, dead_at, "
                + "resolved_by, resolution FROM routing_dead_letter WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!includeResolved) {
            sql.append(" AND resolved_at IS NULL");
        }
        target.ifPresent(t -> {
            sql.append(" AND target = ?");
            params.add(t);
        });
        sql.append(" ORDER BY outbox_id, dead_at FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return query(sql.toString(), rs -> {
            List<DeadLetter> out = new ArrayList<>();
            while (rs.next()) {
                long outboxId = rs.getLong(1);
                long deadAt = rs.getLong(7);
                out.add(new DeadLetter(outboxId, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        text.openReason(outboxId, deadAt, rs.getString(6)), Instant.ofEpochMilli(deadAt), Optional.ofNullable(rs.getString(8)),
                        Optional.ofNullable(rs.getString(9))));
            }
            return out;
        }, params.toArray());
    }

    private List<OutboxRow> rows(ResultSet rs) throws SQLException {
        List<OutboxRow> out = new ArrayList<>();
        while (rs.next()) {
            out.add(row(rs));
        }
        return out;
    }

    OutboxRow row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        return new OutboxRow(id, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), Optional.ofNullable(rs.getString(8)), rs.getString(9), OutboxState.valueOf(rs.getString(10)),
                rs.getInt(11), Instant.ofEpochMilli(rs.getLong(12)), Instant.ofEpochMilli(rs.getLong(13)),
                Optional.ofNullable(rs.getString(14)), Optional.ofNullable(rs.getString(15)),
                Optional.ofNullable(text.openLastError(id, rs.getString(16))));
    }

    // ---- JDBC plumbing

    @FunctionalInterface
    interface SqlFunction<T, R> {
        R apply(T t) throws SQLException;
    }

    /** A read on its own connection; a deadlock victim or lock timeout is retried ({@link DeadlockRetry}). */
    private <R> R query(String sql, SqlFunction<ResultSet, R> reader, Object... params) {
        return DeadlockRetry.run(() -> queryOnce(sql, reader, params));
    }

    private <R> R queryOnce(String sql, SqlFunction<ResultSet, R> reader, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.apply(rs);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (params[i] instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) params[i]);
            }
        }
    }

    private static HoldfastException unavailable(SQLException e) {
        return new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "Outbox query failed: " + e.getMessage()
                + " (SQLState " + e.getSQLState() + "); nothing was changed", e);
    }
}
