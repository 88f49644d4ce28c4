package io.holdfast.benchmarks;

import java.util.Arrays;

/** Per-thread latency buffers (no sharing on the hot path), merged for percentiles at the end. */
final class LatencySample {
    private static final int CAPACITY = 1 << 20;
    private final long[][] nanos;
    private final int[] counts;

    LatencySample(int threads) {
        nanos = new long[threads][];
        counts = new int[threads];
    }

    void record(int thread, long latencyNanos) {
        long[] buf = nanos[thread];
        if (buf == null) {
            buf = nanos[thread] = new long[CAPACITY];
        }
        if (counts[thread] < CAPACITY) {
            buf[counts[thread]++] = latencyNanos;
        }
    }

    double percentileMs(double p) {
        int total = Arrays.stream(counts).sum();
        if (total == 0) {
            return Double.NaN;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < nanos.length; t++) {
            if (nanos[t] != null) {
                System.arraycopy(nanos[t], 0, all, at, counts[t]);
                at += counts[t];
            }
        }
        Arrays.sort(all);
        return all[Math.min(total - 1, (int) Math.ceil(p * total) - 1)] / 1e6;
    }
}
