package io.holdfast.routing.internal.outbox;

import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Router;
import io.holdfast.routing.internal.route.RouteRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Per-target outbox depth, delivery blockers and unresolved dead letters, reported as {@code routing:<target>} in
 * {@code holdfast:status} (unresolved dead letters also as the kernel alert {@code routing:dead-letters:<target>}),
 * and the back-pressure decision Intake asks for. Depths are counted in
 * memory as rows are written and finished, and re-read from the database at start and by the
 * dispatcher at most once a second, so a refusal check costs no query on the hot path.
 */
@Component(service = TargetMonitor.class)
public class TargetMonitor {
    static final long REFRESH_MS = 1000;

    private final OutboxStore store;
    private final RouteRegistry routes;
    private final Health health;
    private final Alerts alerts;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, String> waiting = new ConcurrentHashMap<>();
    private final Map<String, String> reported = new ConcurrentHashMap<>();
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile long refreshedAt;

    @Activate
    public TargetMonitor(@Reference OutboxStore store, @Reference RouteRegistry routes, @Reference Health health,
                         @Reference Alerts alerts) {
        this.store = store;
        this.routes = routes;
        this.health = health;
        this.alerts = alerts;
        // Start from what the database holds, so a full outbox left by the previous run refuses at once.
        refresh();
    }

    /** A reason to refuse input routed to these targets, if any of their outboxes is at its limit. */
    public Optional<String> refuse(List<Router.Target> targets) {
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        // No query here: this runs on connector threads; the dispatcher re-reads depths every second.
        for (Router.Target t : targets) {
            OptionalInt limit = routes.depthLimit(t.systemId());
            long depth = depth(t.systemId());
            if (limit.isPresent() && depth >= limit.getAsInt()) {
                report(t.systemId());
                return Optional.of("outbox for " + t.systemId() + " holds " + depth + " rows (limit " + limit.getAsInt()
                        + "); the sender should retry later");
            }
        }
        return Optional.empty();
    }

    public long depth(String target) {
        AtomicLong d = depths.get(target);
        return d == null ? 0 : d.get();
    }

    void added(String target, int rows) {
        depths.computeIfAbsent(target, t -> new AtomicLong()).addAndGet(rows);
    }

    /** A row left the open states (delivered or dead-lettered). */
    public void finished(String target) {
        AtomicLong d = depths.get(target);
        if (d != null && d.decrementAndGet() < 0) {
            d.set(0);
        }
    }

    /** A row to this target was dead-lettered (committed): DEGRADED until an admin resolves it. */
    public void deadLettered(String target) {
        deadLetters.computeIfAbsent(target, t -> new AtomicLong()).incrementAndGet();
        report(target);
    }

    public long unresolvedDeadLetters(String target) {
        AtomicLong d = deadLetters.get(target);
        return d == null ? 0 : d.get();
    }

    /** Something (codec, transport, credentials, inventory entry) keeps rows for this target waiting. */
    public void waiting(String target, String reason) {
        if (!reason.equals(waiting.put(target, reason))) {
            report(target);
        }
    }

    public void deliverable(String target) {
        if (waiting.remove(target) != null) {
            report(target);
        }
    }

    public void refreshIfStale() {
        if (System.currentTimeMillis() - refreshedAt >= REFRESH_MS && refreshing.tryLock()) {
            try {
                refresh();
            } finally {
                refreshing.unlock();
            }
        }
    }

    /** Re-reads depths from the database (drift from rolled-back batches disappears here) and reports each target. */
    public void refresh() {
        Map<String, Long> actual = store.openDepths();
        refreshedAt = System.currentTimeMillis();
        for (String t : depths.keySet()) {
            if (!actual.containsKey(t)) {
                depths.get(t).set(0);
            }
        }
        actual.forEach((t, n) -> depths.computeIfAbsent(t, x -> new AtomicLong()).set(n));
        Map<String, Long> dead = store.unresolvedDeadLetters();
        for (String t : deadLetters.keySet()) {
            if (!dead.containsKey(t)) {
                deadLetters.get(t).set(0);
            }
        }
        dead.forEach((t, n) -> deadLetters.computeIfAbsent(t, x -> new AtomicLong()).set(n));
        java.util.Set<String> targets = new java.util.HashSet<>(depths.keySet());
        targets.addAll(deadLetters.keySet());
        for (String t : targets) {
            report(t);
        }
    }

    /** Alert key of a target's unresolved dead letters: one alert per target, raised and cleared with the count. */
    public static String deadLetterAlert(String target) {
        return "routing:dead-letters:" + target;
    }

    /**
     * Raises (or updates) the target's dead-letter alert while it has unresolved dead letters, and
     * clears it when the last is replayed or skipped. The count is bucketed above ten, so a burst of
     * dead letters updates the alert a few times, not once per row. Ids and counts only.
     */
    private void alertDeadLetters(String target) {
        long n = unresolvedDeadLetters(target);
        if (n == 0) {
            alerts.clear(deadLetterAlert(target));
            return;
        }
        String count = n <= 10 ? String.valueOf(n) : (long) Math.pow(10, Math.floor(Math.log10(n))) + "+";
        alerts.raise(deadLetterAlert(target), AlertSeverity.WARNING, "routing", count + " unresolved dead letter(s) to " + target
                + ": holdfast:deadletters --target " + target + ", then holdfast:replay or holdfast:skip");
    }

    private void report(String target) {
        alertDeadLetters(target);
        long depth = depth(target);
        OptionalInt limit = routes.depthLimit(target);
        String blocked = waiting.get(target);
        HealthState state;
        String detail;
        if (limit.isPresent() && depth >= limit.getAsInt()) {
            state = HealthState.DEGRADED;
            // Bucketed so a full outbox does not produce a new status line (and log line) per row.
            long bucket = Math.max(1, limit.getAsInt() / 10);
            detail = "outbox depth " + (depth / bucket * bucket) + "+ >= limit " + limit.getAsInt()
                    + ": Intake refuses new input routed here";
        } else if (blocked != null) {
            state = HealthState.DEGRADED;
            detail = "deliveries waiting: " + blocked;
        } else if (unresolvedDeadLetters(target) > 0) {
            state = HealthState.DEGRADED;
            detail = unresolvedDeadLetters(target) + " unresolved dead letter(s): holdfast:deadletters --target " + target
                    + ", then holdfast:replay or holdfast:skip; outbox depth " + depth;
        } else {
            state = HealthState.UP;
            detail = "outbox depth " + depth + limit.stream().mapToObj(l -> " of " + l).findFirst().orElse("");
        }
        String key = state + detail;
        if (!key.equals(reported.put(target, key))) {
            health.report("routing:" + target, state, detail);
        }
    }

    /** Drops this monitor's status entries (bundle stopping). */
    public void clear() {
        reported.keySet().forEach(t -> health.remove("routing:" + t));
        reported.clear();
    }
}
