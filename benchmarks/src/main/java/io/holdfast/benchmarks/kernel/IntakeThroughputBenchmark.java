package io.holdfast.benchmarks.kernel;

import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Payload;
import io.holdfast.benchmarks.ChildJvm;
import io.holdfast.benchmarks.ClosedLoopDriver;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Holdfast side of the commit comparison (runs in its own JVM): N closed-loop senders calling
 * {@code intake.accept(...)} and waiting for each future, i.e. until the event is durable.
 * Args: workDir threads warmupEvents windowSeconds.
 */
public final class IntakeThroughputBenchmark {
    private IntakeThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        long warmup = Long.parseLong(args[2]);
        double seconds = Double.parseDouble(args[3]);
        AdtA01Workload workload = new AdtA01Workload("H" + threads);
        try (HoldfastKernel kernel = HoldfastKernel.inbound(dir)) {
            long[] snapshot = new long[4];
            ClosedLoopDriver.Throughput t = new ClosedLoopDriver(threads, warmup, seconds).run((thread, seq) -> {
                AdtA01Workload.AdtA01 m = workload.message(thread, seq);
                IntakeReceipt r = kernel.intake().accept(m.envelope(), Payload.of(m.payload()), DecodeResult.decoded(m.event()), m.trail())
                        .toCompletableFuture().get(30, TimeUnit.SECONDS);
                if (r.events().size() != 1 || r.events().get(0).claim() != ClaimOutcome.NEW || r.events().get(0).routedTo().size() != 1) {
                    throw new IllegalStateException("unexpected receipt " + r);
                }
            }, () -> {
                snapshot[0] = kernel.counters().commits();
                snapshot[1] = kernel.counters().tasksWritten();
            }, () -> {
                snapshot[2] = kernel.counters().commits();
                snapshot[3] = kernel.counters().tasksWritten();
            });
            ChildJvm.measured("events_per_s", t.eventsPerSecond());
            ChildJvm.measured("events", t.events());
            ChildJvm.measured("p50_ms", t.p50Ms());
            ChildJvm.measured("p99_ms", t.p99Ms());
            ChildJvm.measured("commits_per_msg", (double) (snapshot[2] - snapshot[0]) / Math.max(1, snapshot[3] - snapshot[1]));
        }
    }
}
