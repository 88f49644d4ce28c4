package io.holdfast.benchmarks.routing;

import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Payload;
import io.holdfast.benchmarks.ChildJvm;
import io.holdfast.benchmarks.kernel.AdtA01Workload;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * routing_lag_p99_ms (own JVM): open loop at a fixed rate (half the measured peak), lag from an
 * event's scheduled send time to the moment the no-op transport receives it — Intake commit,
 * outbox claim, encode and call. Warm-up at the same rate first, then a measured window.
 * Args: workDir eventsPerSecond warmupSeconds windowSeconds.
 */
public final class RoutingLagBenchmark {
    private RoutingLagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double rate = Double.parseDouble(args[1]);
        double warmupSeconds = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        AdtA01Workload workload = new AdtA01Workload("L");
        Map<String, Long> scheduled = new ConcurrentHashMap<>();
        long[] lags = new long[(int) (rate * seconds) + 16];
        int[] count = new int[1];
        long[] measureFrom = {Long.MAX_VALUE};
        java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        try (RoutedKernel k = new RoutedKernel(dir, visit -> {
            Long at = scheduled.remove(visit);
            if (at != null && at >= measureFrom[0]) {
                synchronized (lags) {
                    if (count[0] < lags.length) {
                        lags[count[0]++] = System.nanoTime() - at;
                    }
                }
            }
        })) {
            long intervalNs = (long) (1e9 / rate);
            long start = System.nanoTime();
            long warmupEnd = start + (long) (warmupSeconds * 1e9);
            long end = warmupEnd + (long) (seconds * 1e9);
            measureFrom[0] = warmupEnd;
            long failures = 0;
            for (long i = 0; ; i++) {
                long at = start + i * intervalNs;
                if (at >= end) {
                    break;
                }
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                AdtA01Workload.AdtA01 m = workload.message(0, i);
                scheduled.put(m.event().visit().visitNumber().value(), at);
                // Latency counts from the scheduled time, so a sender that falls behind is not hidden.
                String visit = m.event().visit().visitNumber().value();
                k.intake().accept(m.envelope(), Payload.of(m.payload()), DecodeResult.decoded(m.event()), m.trail())
                        .whenComplete((receipt, error) -> {
                            if (error != null) {
                                scheduled.remove(visit);
                                refused.incrementAndGet();
                            }
                        });
            }
            long drainUntil = System.nanoTime() + 30_000_000_000L;
            while (!scheduled.isEmpty() && System.nanoTime() < drainUntil) {
                Thread.sleep(20);
            }
            failures = scheduled.size();
            long[] sorted;
            synchronized (lags) {
                sorted = Arrays.copyOf(lags, count[0]);
            }
            Arrays.sort(sorted);
            ChildJvm.measured("rate_per_s", rate);
            ChildJvm.measured("events", sorted.length);
            ChildJvm.measured("undelivered", failures);
            ChildJvm.measured("refused", refused.get());
            ChildJvm.measured("lag_p50_ms", percentile(sorted, 0.50));
            ChildJvm.measured("lag_p99_ms", percentile(sorted, 0.99));
            // How rows reached the dispatcher: straight from Intake's batch, or claimed by its poller.
            ChildJvm.measured("handed_over", k.counters().dispatcherHandedOver());
            ChildJvm.measured("claimed", k.counters().dispatcherClaimed());
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
