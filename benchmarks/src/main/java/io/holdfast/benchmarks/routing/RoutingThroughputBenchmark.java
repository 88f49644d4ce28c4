package io.holdfast.benchmarks.routing;

import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Payload;
import io.holdfast.benchmarks.ChildJvm;
import io.holdfast.benchmarks.ClosedLoopDriver;
import io.holdfast.benchmarks.kernel.AdtA01Workload;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Holdfast side of routing_ratio (own JVM): N closed-loop senders calling Intake (ordered route to
 * one target), while the dispatcher delivers from the outbox to a no-op transport. Reports
 * delivered events/s over the window (the accepted→delivered rate: a dispatcher slower than
 * Intake shows up here, not as a growing backlog nobody sees) and the accepted rate.
 * Args: workDir threads warmupEvents windowSeconds.
 */
public final class RoutingThroughputBenchmark {
    private RoutingThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        long warmup = Long.parseLong(args[2]);
        double seconds = Double.parseDouble(args[3]);
        AdtA01Workload workload = new AdtA01Workload("R" + threads);
        try (RoutedKernel k = new RoutedKernel(dir, visit -> { })) {
            long[] delivered = new long[2];
            ClosedLoopDriver.Throughput t = new ClosedLoopDriver(threads, warmup, seconds).run((thread, seq) -> {
                AdtA01Workload.AdtA01 m = workload.message(thread, seq);
                IntakeReceipt r = k.intake().accept(m.envelope(), Payload.of(m.payload()), DecodeResult.decoded(m.event()), m.trail())
                        .toCompletableFuture().get(30, TimeUnit.SECONDS);
                if (r.events().get(0).routedTo().size() != 1) {
                    throw new IllegalStateException("not routed: " + r);
                }
            }, () -> delivered[0] = k.delivered.get(), () -> delivered[1] = k.delivered.get());
            double deliveredPerS = (delivered[1] - delivered[0]) / t.seconds();
            ChildJvm.measured("events_per_s", deliveredPerS);
            ChildJvm.measured("accepted_per_s", t.eventsPerSecond());
            ChildJvm.measured("events", delivered[1] - delivered[0]);
            ChildJvm.measured("accept_p99_ms", t.p99Ms());
            ChildJvm.measured("backlog_at_end", k.counters().openOutboxDepths().getOrDefault("epr", 0L));
            // How rows reached the dispatcher: straight from Intake's batch, or claimed by its poller.
            ChildJvm.measured("handed_over", k.counters().dispatcherHandedOver());
            ChildJvm.measured("claimed", k.counters().dispatcherClaimed());
        }
    }
}
