package io.holdfast.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves by hand (certificate expiry, activation times, backoff windows), so no
 * test has to sleep to see time pass. Thread-safe: readers on other threads see the latest value.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock starting at the current wall-clock time. */
    public static MutableClock startingNow() {
        return new MutableClock(Instant.now());
    }

    public MutableClock advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    public MutableClock set(Instant instant) {
        now = instant;
        return this;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The zone does not matter to Holdfast (it stores instants): the same clock is returned. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
