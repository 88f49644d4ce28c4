package io.holdfast.journal.internal;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.error.IntakeRefusedException.Reason;
import io.holdfast.journal.internal.JournalConditions.Condition;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses new input while the data folder's file system is nearly full, so Holdfast stops
 * acknowledging messages it might not be able to store, instead of failing half-way through
 * writes it already accepted. Only new messages are refused; stages of messages already held
 * (sends, acks, dead letters) are still written, so nothing accepted is left half-done.
 *
 * <p>The threshold is the larger of {@code minFreeBytes} and {@code minFreePercent} of the file
 * system. Input resumes once free space is back above the threshold plus a margin (a tenth of the
 * threshold, at most 256 MiB), so a disk hovering at the limit does not flap. Checked by the writer
 * thread at most once per interval (statfs is cheap but not free).
 */
final class DiskGuard {
    private static final Logger LOG = LoggerFactory.getLogger(DiskGuard.class);
    private static final long MIB = 1024 * 1024;

    private final FreeSpace space;
    private final long minFreeBytes;
    private final int minFreePercent;
    private final long intervalNanos;
    private final JournalConditions conditions;
    private final Path folder;
    private volatile boolean refusing;
    private volatile String lastReading = "not checked yet";
    private long lastCheck;
    private boolean checked;

    DiskGuard(FreeSpace space, Path folder, long minFreeBytes, int minFreePercent, long intervalNanos, JournalConditions conditions) {
        this.space = space;
        this.folder = folder;
        this.minFreeBytes = minFreeBytes;
        this.minFreePercent = minFreePercent;
        this.intervalNanos = intervalNanos;
        this.conditions = conditions;
    }

    boolean enabled() {
        return minFreeBytes > 0 || minFreePercent > 0;
    }

    /** Re-reads free space if the interval has passed since the last reading. */
    synchronized void refreshIfDue() {
        long now = System.nanoTime();
        if (enabled() && (!checked || now - lastCheck >= intervalNanos)) {
            lastCheck = now;
            checked = true;
            refresh();
        }
    }

    private void refresh() {
        long usable;
        long threshold;
        try {
            usable = space.usableBytes();
            threshold = Math.max(minFreeBytes, space.totalBytes() / 100 * minFreePercent);
        } catch (IOException | RuntimeException e) {
            // Unknown free space is not evidence of a full disk: keep the last decision and say so.
            LOG.warn("Free space of {} could not be read; keeping the last decision ({}): {}", folder,
                    refusing ? "refusing input" : "accepting input", e.toString());
            return;
        }
        lastReading = (usable / MIB) + " MiB free on the file system of " + folder + ", threshold " + (threshold / MIB) + " MiB";
        if (!refusing && usable < threshold) {
            refusing = true;
            LOG.error("Disk guard: {}; new input is refused until space is freed", lastReading);
            conditions.down(Condition.DISK, "new input refused: " + lastReading);
        } else if (refusing && usable >= threshold + Math.min(threshold / 10, 256 * MIB)) {
            refusing = false;
            LOG.info("Disk guard: {}; accepting input again", lastReading);
            conditions.cleared(Condition.DISK, "accepting input: " + lastReading);
        }
    }

    /** Throws when new input must be refused; nothing was stored at that point. */
    void admitNewMessage() {
        if (refusing) {
            throw new IntakeRefusedException(Reason.STORE_UNAVAILABLE, "disk nearly full (" + lastReading
                    + "); nothing was stored, the sender should retry once an operator has freed space");
        }
    }

    boolean refusing() {
        return refusing;
    }

    String describe() {
        if (!enabled()) {
            return "disk guard off (minFreeBytes and minFreePercent are 0)";
        }
        return (refusing ? "REFUSING input: " : "accepting input: ") + lastReading;
    }
}
