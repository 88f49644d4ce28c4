package io.holdfast.simulator.pds;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The platform's per-application rate limit: at most {@code perSecond} requests from one application
 * in any sliding one-second window (a request log per application, so a burst at the end of one
 * second and the start of the next is caught too). 0 switches it off.
 */
final class RateLimiter {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private final int perSecond;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> logs = new ConcurrentHashMap<>();

    RateLimiter(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate limit must be 0 (off) or positive: " + perSecond);
        }
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /** Records a request from {@code application}; false when it exceeds the limit (and is not counted). */
    boolean tryAcquire(String application) {
        if (perSecond == 0) {
            return true;
        }
        Deque<Long> log = logs.computeIfAbsent(application, a -> new ArrayDeque<>());
        synchronized (log) {
            long now = nanoTime.getAsLong();
            while (!log.isEmpty() && now - log.peekFirst() >= WINDOW_NANOS) {
                log.pollFirst();
            }
            if (log.size() >= perSecond) {
                return false;
            }
            log.addLast(now);
            return true;
        }
    }
}
