package io.holdfast.journal.internal;

/** What {@code holdfast:retention} asks of retention: plain text, so the command holds no logic. */
public interface RetentionControl {

    /** The configured policy, one line. */
    String describePolicy();

    /** What a run now would prune, one line. */
    String describeDue();

    /**
     * Runs retention now under the retention lease and journals the run as an admin action of
     * {@code actor}; returns what was pruned.
     *
     * @throws io.holdfast.api.error.HoldfastException {@code STORE_LOCKED} if another run holds the
     *         lease, {@code STORE_UNAVAILABLE} if a step failed (earlier steps stay consistent)
     */
    String runNow(String actor);
}
