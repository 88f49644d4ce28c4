package io.holdfast.routing.internal.dispatch;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.routing.internal.outbox.OutboxHandoff;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.OutboxStore;
import io.holdfast.routing.internal.outbox.TargetMonitor;
import io.holdfast.routing.internal.route.RetryPolicy;
import io.holdfast.routing.internal.route.RouteRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due outbox rows under a lease and hands each to a worker that attempts delivery and
 * records the outcome. Rows reach it two ways: Intake's batch writes them already leased to this
 * dispatcher when it has room ({@link OutboxHandoff}: no claim transaction, no poll delay), and a
 * poller thread claims the rest (retries, ordered rows behind another, overflow, other nodes'
 * expired leases) inside a journal batch, so a claim rides on the writer's group commit too. Workers deliver; recording is asynchronous (the journal writer commits outcomes
 * in groups), and a row stays leased until its outcome is durable.
 */
public final class Dispatcher implements AutoCloseable, OutboxHandoff.Taker {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String HEALTH = "dispatcher";
    private static final int RECORD_ATTEMPTS = 5;
    private static final long RECORD_RETRY_MS = 100;
    private static final long CLAIM_TIMEOUT_MS = 30_000;

    /** Validated settings. */
    public record Settings(int threads, long pollIntervalMs, long leaseMs, int batchSize, long waitRetryMs, String nodeId) {
    }

    private final OutboxStore store;
    private final JournalWriter writer;
    private final DeliveryAttempt attempts;
    private final OutcomeRecorder recorder;
    private final TargetMonitor monitor;
    private final RouteRegistry routes;
    private final Health health;
    private final Settings settings;
    private final String owner;
    private final Semaphore inFlight;
    private final ExecutorService workers;
    private final Thread poller;
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong claimed = new AtomicLong();
    private final Map<Long, OutboxRow> delivering = new ConcurrentHashMap<>();
    private final ScheduledExecutorService leaseKeeper;
    private volatile boolean running = true;
    private volatile boolean halted;

    Dispatcher(OutboxStore store, JournalWriter writer, DeliveryAttempt attempts, OutcomeRecorder recorder, TargetMonitor monitor,
               RouteRegistry routes, Health health, Settings settings) {
        this.store = store;
        this.writer = writer;
        this.attempts = attempts;
        this.recorder = recorder;
        this.monitor = monitor;
        this.routes = routes;
        this.health = health;
        this.settings = settings;
        this.owner = settings.nodeId() + ":" + UUID.randomUUID();
        this.inFlight = new Semaphore(settings.batchSize());
        int released = store.releaseLeasesOf(writer, settings.nodeId() + ":");
        if (released > 0) {
            LOG.info("Dispatcher retrying {} outbox rows this node had claimed before it stopped", released);
        }
        this.workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "holdfast-dispatcher-worker");
            t.setDaemon(true);
            return t;
        });
        this.leaseKeeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "holdfast-dispatcher-leases");
            t.setDaemon(true);
            return t;
        });
        long renewEvery = renewalIntervalMs(settings.leaseMs());
        leaseKeeper.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        this.poller = new Thread(this::poll, "holdfast-dispatcher");
        this.poller.setDaemon(true);
        this.poller.start();
        store.handoff().attach(this);
        health.report(HEALTH, HealthState.UP, settings.threads() + " threads, node " + settings.nodeId());
    }

    private void poll() {
        long lastHousekeeping = 0;
        boolean storeDown = false;
        while (running) {
            long seen = store.signal().generation();
            try {
                long now = System.currentTimeMillis();
                if (now - lastHousekeeping >= 1000) {
                    lastHousekeeping = now;
                    recoverLeases(now);
                    monitor.refreshIfStale();
                }
                int wanted = Math.min(settings.batchSize(), inFlight.availablePermits());
                List<OutboxRow> rows = wanted > 0 && store.anyDue(now) ? store.claim(writer, owner, settings.leaseMs(), wanted, now, CLAIM_TIMEOUT_MS)
                        : List.of();
                claimed.addAndGet(rows.size());
                for (OutboxRow row : rows) {
                    inFlight.acquireUninterruptibly();
                    workers.execute(() -> handle(row));
                }
                if (storeDown) {
                    storeDown = false;
                    health.report(HEALTH, HealthState.UP, settings.threads() + " threads, node " + settings.nodeId());
                }
                if (rows.size() < wanted || wanted == 0) {
                    store.signal().awaitAfter(seen, settings.pollIntervalMs());
                }
            } catch (HoldfastException e) {
                if (!storeDown) {
                    storeDown = true;
                    health.report(HEALTH, HealthState.DEGRADED, e.describe());
                }
                sleep(settings.pollIntervalMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Dispatcher poll failed; retrying", e);
                sleep(settings.pollIntervalMs());
            }
        }
    }

    @Override
    public long leaseMs() {
        return settings.leaseMs();
    }

    @Override
    public int reserve(int wanted) {
        int got = 0;
        while (got < wanted && running && inFlight.tryAcquire()) {
            got++;
        }
        return got;
    }

    @Override
    public void unreserve(int count) {
        for (int i = 0; i < count; i++) {
            release();
        }
    }

    @Override
    public void take(List<OutboxRow> rows) {
        for (OutboxRow row : rows) {
            if (!running) {
                // Stopping: the row stays LEASED to this run and is retried after its lease or the next start.
                release();
                continue;
            }
            try {
                workers.execute(() -> handle(row));
                handedOver.incrementAndGet();
            } catch (RejectedExecutionException e) {
                release();
            }
        }
    }

    private void handle(OutboxRow row) {
        boolean handedOver = false;
        delivering.put(row.id(), row);
        try {
            AttemptOutcome outcome = attempts.run(row);
            if (halted) {
                return;
            }
            record(row, outcome, routes.retry(row.routeId(), RetryPolicy.DEFAULT), 1);
            handedOver = true;
        } catch (RuntimeException e) {
            LOG.warn("Outbox row {} not recorded, retried after its lease: {}", row.id(), e.toString());
        } finally {
            if (!handedOver) {
                finish(row);
            }
        }
    }

    /**
     * Records an outcome; if the journal writer refuses (its queue is full), tries again a few
     * times before leaving the row to its lease, so a busy writer does not turn a delivered row
     * into a delayed duplicate attempt.
     */
    private void record(OutboxRow row, AttemptOutcome outcome, RetryPolicy policy, int attempt) {
        recorder.record(row, outcome, policy).whenComplete((ok, error) -> {
            if (error == null) {
                finish(row);
                if (row.orderingKey().isPresent()) {
                    // A later row of the same patient may have been waiting for this one: look now, not at the next poll.
                    store.signal().fire();
                }
            } else if (attempt < RECORD_ATTEMPTS && running && !halted) {
                sleep(RECORD_RETRY_MS * attempt);
                try {
                    record(row, outcome, policy, attempt + 1);
                } catch (RuntimeException e) {
                    LOG.warn("Outcome of outbox row {} not recorded; retried after its lease: {}", row.id(), e.toString());
                    finish(row);
                }
            } else {
                // The row stays leased and is retried when the lease ends (same request id); nothing is lost.
                LOG.warn("Outcome of outbox row {} not recorded; retried after its lease: {}", row.id(), error.toString());
                finish(row);
            }
        });
    }

    /** The row's attempt is over (recorded, or left to its lease): stop renewing it and free its slot. */
    private void finish(OutboxRow row) {
        delivering.remove(row.id());
        release();
    }

    /**
     * Renewal runs three times per lease, so a delivery in progress keeps its lease however long
     * the transport takes (a 10-minute MESH upload), and a second worker never sends it again.
     */
    static long renewalIntervalMs(long leaseMs) {
        return Math.max(10, leaseMs / 3);
    }

    /**
     * Recovery takes only rows whose lease ended half a lease ago: a live worker renews long before
     * that, so recovery never competes with a delivery that is merely slow to record its outcome.
     */
    static long recoveryMarginMs(long leaseMs) {
        return leaseMs / 2;
    }

    private void renewLeases() {
        if (halted || delivering.isEmpty()) {
            return;
        }
        try {
            store.renewLeases(writer, delivering.values(), System.currentTimeMillis() + settings.leaseMs())
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            LOG.warn("Lease renewal of {} outbox row(s) in delivery not stored; tried again in {} ms: {}",
                                    delivering.size(), renewalIntervalMs(settings.leaseMs()), e.toString());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.warn("Lease renewal failed; tried again shortly: {}", e.toString());
        }
    }

    private void recoverLeases(long now) {
        store.recoverLeases(writer, now - recoveryMarginMs(settings.leaseMs())).whenComplete((rows, e) -> {
            if (e != null) {
                LOG.warn("Lease recovery not stored; tried again within a second: {}", e.toString());
            } else if (rows > 0) {
                LOG.info("{} outbox row(s) whose dispatcher stopped renewing its lease are PENDING again", rows);
            }
        });
    }

    private void release() {
        inFlight.release();
        if (inFlight.availablePermits() == settings.batchSize() / 2 + 1) {
            store.signal().fire();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows this run took straight from Intake's batches. */
    public long handedOver() {
        return handedOver.get();
    }

    /** Rows this run claimed through its poller. */
    public long claimed() {
        return claimed.get();
    }

    /** The lease owner name of this run. */
    @Override
    public String owner() {
        return owner;
    }

    /** Stops claiming, lets attempts in progress finish and record (up to 30 s). */
    @Override
    public void close() {
        store.handoff().detach(this);
        running = false;
        store.signal().fire();
        join();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Dispatcher stopped with deliveries in progress; their rows are retried after restart");
            }
            inFlight.tryAcquire(settings.batchSize(), 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Renewal stops last: deliveries finishing during the wait above kept their leases.
        leaseKeeper.shutdownNow();
        health.remove(HEALTH);
    }

    /** Stops at once without recording anything more, as a crash would (used by restart tests). */
    public void halt() {
        store.handoff().detach(this);
        halted = true;
        running = false;
        store.signal().fire();
        join();
        workers.shutdownNow();
        leaseKeeper.shutdownNow();
    }

    private void join() {
        try {
            poller.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
