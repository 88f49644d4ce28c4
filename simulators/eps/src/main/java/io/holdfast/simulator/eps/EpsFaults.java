package io.holdfast.simulator.eps;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Fault injection, checked before any other rule. A failure is answered either instead of processing the request
 * ({@link Timing#BEFORE_PROCESSING}: nothing happened, e.g. 429, 500, 503) or after it took effect
 * ({@link Timing#AFTER_COMMIT}: the order is stored and its answer remembered for its X-Request-ID, but the client
 * gets e.g. 504 — the lost response the API's 504 GATEWAY_TIMEOUT row tells clients to retry "with identical
 * payload"). Rules apply to the next <i>count</i> requests, or to every <i>n</i>th, optionally only to paths
 * matching a regular expression; the first rule that fires answers.
 */
public final class EpsFaults {
    private static final int UNLIMITED = -1;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger delays = new AtomicInteger();
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger resets = new AtomicInteger();
    private final AtomicLong injected = new AtomicLong();

    /** When the injected status replaces the answer. */
    public enum Timing {
        /** The request is not processed: nothing is stored, nothing remembered. */
        BEFORE_PROCESSING,
        /** The request is processed (stored, answer remembered for its X-Request-ID), then the answer is replaced. */
        AFTER_COMMIT
    }

    /** An injected answer: status, optional {@code Retry-After} seconds, and when it replaces the real answer. */
    record Failure(int status, OptionalInt retryAfterSeconds, Timing timing) {
    }

    private record Rule(Optional<Pattern> path, AtomicInteger remaining, int everyNth, AtomicLong matched, Failure failure) {

        boolean fires(String requestPath) {
            if (path.isPresent() && !path.get().matcher(requestPath).find()) {
                return false;
            }
            if (everyNth > 0) {
                return matched.incrementAndGet() % everyNth == 0;
            }
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
        }
    }

    /** The next {@code count} requests get {@code status} without being processed. */
    public EpsFaults failNextRequests(int count, int status) {
        return failNextRequests(count, status, OptionalInt.empty());
    }

    /** As {@link #failNextRequests(int, int)}, with a {@code Retry-After} header (seconds). */
    public EpsFaults failNextRequests(int count, int status, OptionalInt retryAfterSeconds) {
        return add(Optional.empty(), count, 0, new Failure(status, retryAfterSeconds, Timing.BEFORE_PROCESSING));
    }

    /** The next {@code count} requests are processed (committed) and then answered {@code status} (e.g. 504). */
    public EpsFaults failNextRequestsAfterCommit(int count, int status) {
        return add(Optional.empty(), count, 0, new Failure(status, OptionalInt.empty(), Timing.AFTER_COMMIT));
    }

    /** The next {@code count} requests whose path contains a match of {@code pathRegex} get {@code status}. */
    public EpsFaults failRequestsMatching(String pathRegex, int count, int status, Timing timing) {
        return add(Optional.of(Pattern.compile(pathRegex)), count, 0, new Failure(status, OptionalInt.empty(), timing));
    }

    /**
     * Every {@code n}th request (whose path matches {@code pathRegex}, when given) gets {@code status}, until
     * {@link #clear()}: e.g. {@code failEveryNthRequest(10, 504, AFTER_COMMIT, Optional.empty())} loses one answer in ten.
     */
    public EpsFaults failEveryNthRequest(int n, int status, Timing timing, Optional<String> pathRegex) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be 1 or more: " + n);
        }
        return add(pathRegex.map(Pattern::compile), UNLIMITED, n, new Failure(status, OptionalInt.empty(), timing));
    }

    private EpsFaults add(Optional<Pattern> path, int count, int everyNth, Failure failure) {
        Objects.requireNonNull(failure.timing());
        if (failure.status() < 400 || failure.status() > 599) {
            throw new IllegalArgumentException("fault status must be 4xx or 5xx: " + failure.status());
        }
        if (everyNth == 0 && count < 1) {
            throw new IllegalArgumentException("count must be 1 or more: " + count);
        }
        rules.add(new Rule(path, new AtomicInteger(count), everyNth, new AtomicLong(), failure));
        return this;
    }

    /** The next {@code count} requests are answered normally, but only after {@code delay}. */
    public EpsFaults delayNextRequests(int count, Duration delay) {
        this.delay.set(delay);
        delays.set(count);
        return this;
    }

    /** The next {@code count} requests get their connection reset and no response. */
    public EpsFaults resetNextConnections(int count) {
        resets.set(count);
        return this;
    }

    /** Cancels every pending fault (the injected count is kept). */
    public void clear() {
        rules.clear();
        delays.set(0);
        resets.set(0);
    }

    /** Answers replaced or refused by an injected failure so far (resets and delays not counted). */
    public long injected() {
        return injected.get();
    }

    Optional<Failure> takeFailure(String path) {
        for (Rule rule : rules) {
            if (rule.fires(path)) {
                if (rule.everyNth() == 0 && rule.remaining().get() == 0) {
                    rules.remove(rule);
                }
                injected.incrementAndGet();
                return Optional.of(rule.failure());
            }
        }
        return Optional.empty();
    }

    boolean takeReset() {
        return take(resets);
    }

    Duration takeDelay() {
        return take(delays) ? delay.get() : Duration.ZERO;
    }

    private static boolean take(AtomicInteger remaining) {
        return remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
