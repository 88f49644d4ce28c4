package io.holdfast.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.routing.internal.outbox.OutboxChanges;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.OutboxState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 6: under a burst, the dispatcher's lease recovery ({@code state='PENDING'}) and
 * the outcome updates ({@code state='DONE'}) must never deadlock on ROUTING_OUTBOX. Many writer
 * batches complete leased rows (in descending id order, the opposite of the recovery's index
 * scan) while recovery runs in a loop; Derby's deadlock detection is set to 1 s so a deadlock
 * shows as SQLState 40001 within the test instead of a 20 s stall.
 */
class LeaseRecoveryConcurrencyTest {
    private static final int ROUNDS = 6;
    private static final int ROWS = 300;
    private static final int CHUNK = 25;

    @TempDir
    Path dir;

    @Test
    void recoveryAndCompletionNeverDeadlock() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir)) {
            DataSource ds = f.store.dataSource();
            property(ds, "derby.locks.deadlockTimeout", "1");
            property(ds, "derby.locks.waitTimeout", "3");
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    List<Long> ids = leasedRows(ds, round);
                    AtomicBoolean completing = new AtomicBoolean(true);
                    Future<?> recovery = pool.submit(() -> {
                        while (completing.get()) {
                            try {
                                recover(f, System.currentTimeMillis());
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                    });
                    List<CompletableFuture<?>> batches = new ArrayList<>();
                    List<Long> descending = new ArrayList<>(ids);
                    Collections.reverse(descending);
                    for (int i = 0; i < descending.size(); i += CHUNK) {
                        List<OutboxRow> chunk = descending.subList(i, Math.min(descending.size(), i + CHUNK)).stream()
                                .map(id -> f.outbox.find(id).orElseThrow()).toList();
                        batches.add(f.journal.submit(batch -> {
                            OutboxChanges changes = OutboxChanges.in(batch, f.outbox);
                            chunk.forEach(r -> changes.done(r, System.currentTimeMillis()));
                            return null;
                        }).whenComplete((ok, e) -> {
                            if (e != null) {
                                failures.add(e);
                            }
                        }));
                    }
                    for (CompletableFuture<?> b : batches) {
                        try {
                            b.get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            failures.add(e);
                        }
                    }
                    completing.set(false);
                    recovery.get(30, TimeUnit.SECONDS);
                    // Every row ended DONE (completed under its lease) or PENDING (recovered first): none is stuck LEASED.
                    assertThat(ids).allSatisfy(id -> assertThat(f.outbox.find(id).orElseThrow().state())
                            .isIn(OutboxState.DONE, OutboxState.PENDING));
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(failures).as("deadlock victims or lock timeouts").isEmpty();
        }
    }

    /** Runs lease recovery as the dispatcher's housekeeping does. */
    private static void recover(RoutingFixture f, long now) {
        f.outbox.recoverLeases(f.journal, now).join();
    }

    /** {@code ROWS} rows LEASED to a dead worker, their lease long over; ids ascend with next_attempt_at. */
    private static List<Long> leasedRows(DataSource ds, int round) throws SQLException {
        List<Long> ids = new ArrayList<>();
        long past = System.currentTimeMillis() - 3_600_000;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO routing_outbox (id, "
                + "journal_id, kind, route_id, target, key_digest, content_digest, request_id, state, attempts, created_at, "
                + "next_attempt_at, lease_owner, lease_until) VALUES (?, ?, 'EVENT', 'adt', 'epr', ?, ?, ?, 'LEASED', 1, ?, ?, "
                + "'dead-node:1', ?)")) {
            for (int i = 0; i < ROWS; i++) {
                long id = (round + 1) * 1_000_000L + i;
                String digest = String.format("%064d", id);
                ps.setLong(1, id);
                ps.setLong(2, round + 1);
                ps.setString(3, digest);
                ps.setString(4, digest);
                ps.setString(5, java.util.UUID.nameUUIDFromBytes(digest.getBytes()).toString());
                ps.setLong(6, past + i);
                ps.setLong(7, past + i);
                ps.setLong(8, past + i);
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
        }
        return ids;
    }

    private static void property(DataSource ds, String key, String value) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('" + key + "', '" + value + "')");
        }
    }
}
