package io.holdfast.routing.internal.outbox;

/** Where an outbox row is in its life. */
public enum OutboxState {
    /** Due at {@code next_attempt_at} (a first try, a retry, a wait, or an Accepted delivery to track). */
    PENDING,
    /** Claimed by a dispatcher until {@code lease_until}. */
    LEASED,
    /** Acknowledged by the target. */
    DONE,
    /** Given up (attempts exhausted, permanent failure, or skipped by an admin); replayable. */
    DEAD_LETTER;

    /** States that count towards a target's outbox depth. */
    public boolean open() {
        return this == PENDING || this == LEASED;
    }
}
