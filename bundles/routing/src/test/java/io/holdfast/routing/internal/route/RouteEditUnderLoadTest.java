package io.holdfast.routing.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.routing.internal.RoutingFixture;
import io.holdfast.routing.internal.TestRouteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 3: editing a route swaps it atomically. Four senders accept events while the
 * route's configuration is modified again and again (as ConfigAdmin does on a file edit); no event
 * may find no route: none is refused for want of one, and every accepted event has its outbox row.
 */
class RouteEditUnderLoadTest {
    private static final int SENDERS = 4;
    private static final int PER_SENDER = 150;
    private static final Map<String, Object> PROPERTIES = Map.of("service.pid", "io.holdfast.route~adt",
            "felix.fileinstall.filename", "file:/opt/holdfast/etc/io.holdfast.route-adt.cfg");

    @TempDir
    Path dir;

    @Test
    void anEditUnderLoadLosesNothing() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir)) {
            RouteComponent route = new RouteComponent(f.routes, f.health, edit(0), PROPERTIES);
            ExecutorService pool = Executors.newFixedThreadPool(SENDERS + 1);
            ConcurrentLinkedQueue<Throwable> refusals = new ConcurrentLinkedQueue<>();
            List<IntakeReceipt> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicInteger edits = new AtomicInteger();
            try {
                Future<?> editor = pool.submit(() -> {
                    while (sending.get()) {
                        route.modified(edit(edits.incrementAndGet()), PROPERTIES);
                    }
                });
                List<Future<?>> senders = new ArrayList<>();
                for (int s = 0; s < SENDERS; s++) {
                    int sender = s;
                    senders.add(pool.submit(() -> send(f, sender, accepted, refusals)));
                }
                for (Future<?> s : senders) {
                    s.get(120, TimeUnit.SECONDS);
                }
                sending.set(false);
                editor.get(30, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(edits.get()).as("edits made while sending").isGreaterThan(10);
            assertThat(refusals).as("refusals (an event that found no route)").isEmpty();
            assertThat(accepted).hasSize(SENDERS * PER_SENDER);
            assertThat(accepted).allSatisfy(r -> assertThat(f.outbox.byJournalId(r.journalId()))
                    .as("outbox rows of journal %d", r.journalId()).hasSize(1));
            assertThat(f.routes.routes()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("adt"));
        }
    }

    private static void send(RoutingFixture f, int sender, List<IntakeReceipt> accepted, ConcurrentLinkedQueue<Throwable> refusals) {
        List<CompletableFuture<IntakeReceipt>> inFlight = new ArrayList<>();
        for (int i = 0; i < PER_SENDER; i++) {
            inFlight.add(f.acceptAsync("S" + sender + "-" + i, "P" + sender + "|V" + i + "|Smith"));
            if (inFlight.size() == 10) {
                collect(inFlight, accepted, refusals);
            }
        }
        collect(inFlight, accepted, refusals);
    }

    private static void collect(List<CompletableFuture<IntakeReceipt>> inFlight, List<IntakeReceipt> accepted,
                                ConcurrentLinkedQueue<Throwable> refusals) {
        for (CompletableFuture<IntakeReceipt> r : inFlight) {
            try {
                accepted.add(r.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                refusals.add(e.getCause());
            } catch (Exception e) {
                refusals.add(e);
            }
        }
        inFlight.clear();
    }

    /** The same route to epr, edited: attempts, backoff and a filter that still matches change with every edit. */
    private static TestRouteConfig edit(int n) {
        TestRouteConfig c = TestRouteConfig.to("epr");
        c.maxAttempts = 5 + n % 7;
        c.initialBackoffMs = 20 + n % 3;
        c.filter = n % 2 == 0 ? "" : "source=pas";
        return c;
    }
}
