package io.holdfast.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N threads, each submitting one event and waiting for it to be durable before the next (a sender
 * waiting for its ACK). Runs a warm-up count, then counts completions over a fixed window.
 */
public final class ClosedLoopDriver {
    /** One durable submission; {@code thread} and {@code seq} make every event distinct. */
    @FunctionalInterface
    public interface Submission {
        void submitAndWait(int thread, long seq) throws Exception;
    }

    /** Events per second over the window, and the latency percentiles seen in it. */
    public record Throughput(double eventsPerSecond, long events, double seconds, double p50Ms, double p99Ms) {
    }

    private final int threads;
    private final long warmupEvents;
    private final double windowSeconds;

    public ClosedLoopDriver(int threads, long warmupEvents, double windowSeconds) {
        this.threads = threads;
        this.warmupEvents = warmupEvents;
        this.windowSeconds = windowSeconds;
    }

    /** Runs the load; {@code onWindowStart}/{@code onWindowEnd} let the caller snapshot counters. */
    public Throughput run(Submission submission, Runnable onWindowStart, Runnable onWindowEnd) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LatencySample latencies = new LatencySample(threads);
        var measuring = new java.util.concurrent.atomic.AtomicBoolean();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                long seq = 0;
                while (!stop.get() && failure.get() == null) {
                    long start = System.nanoTime();
                    try {
                        submission.submitAndWait(thread, seq++);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    if (measuring.get()) {
                        latencies.record(thread, System.nanoTime() - start);
                    }
                    done.incrementAndGet();
                }
            }, "load-" + t);
            w.start();
            workers.add(w);
        }
        while (done.get() < warmupEvents && failure.get() == null) {
            Thread.sleep(20);
        }
        onWindowStart.run();
        long n0 = done.get();
        long t0 = System.nanoTime();
        measuring.set(true);
        long end = t0 + (long) (windowSeconds * 1e9);
        while (System.nanoTime() < end && failure.get() == null) {
            Thread.sleep(10);
        }
        long n1 = done.get();
        long t1 = System.nanoTime();
        measuring.set(false);
        onWindowEnd.run();
        stop.set(true);
        for (Thread w : workers) {
            w.join(60_000);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a load thread failed: " + failure.get(), failure.get());
        }
        double seconds = (t1 - t0) / 1e9;
        return new Throughput((n1 - n0) / seconds, n1 - n0, seconds, latencies.percentileMs(0.50), latencies.percentileMs(0.99));
    }
}
