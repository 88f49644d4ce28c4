package io.holdfast.testkit;

/**
 * The dispatcher's settings (PID {@code io.holdfast.dispatcher}). {@link #FAST} suits tests: it
 * polls every 20 ms and re-checks a waiting target after 50 ms; {@link #SHIPPED} is the shipped
 * configuration, for benchmarks that must measure what production runs.
 */
public record DispatchSettings(int threads, long pollIntervalMs, long leaseMs, int batchSize, long waitRetryMs, String nodeId) {
    public static final DispatchSettings FAST = new DispatchSettings(2, 20, 60_000, 50, 50, "test");
    public static final DispatchSettings SHIPPED = new DispatchSettings(4, 200, 120_000, 200, 5000, "test");
}
