package io.holdfast.journal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long each kind of data is kept; {@code 0} days keeps it forever. See {@link RetentionConfig}.
 */
record RetentionPolicy(boolean enabled, int payloadDays, int outboxDays, int journalDays, int runEveryHours) {

    static final RetentionPolicy OFF = new RetentionPolicy(false, 0, 0, 0, 24);

    Optional<Instant> payloadCutoff(Instant now) {
        return cutoff(now, payloadDays);
    }

    Optional<Instant> outboxCutoff(Instant now) {
        return cutoff(now, outboxDays);
    }

    Optional<Instant> journalCutoff(Instant now) {
        return cutoff(now, journalDays);
    }

    private static Optional<Instant> cutoff(Instant now, int days) {
        return days == 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(days)));
    }

    String describe() {
        return (enabled ? "scheduled every " + runEveryHours + " h" : "not scheduled (enabled=false; --run still works)")
                + "; payload files " + days(payloadDays) + "; delivered outbox rows " + days(outboxDays)
                + "; journal rows (legal hold) " + days(journalDays);
    }

    private static String days(int d) {
        return d == 0 ? "kept forever" : "kept " + d + " days";
    }
}
