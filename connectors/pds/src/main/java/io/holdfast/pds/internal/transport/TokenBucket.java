package io.holdfast.pds.internal.transport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The client-side rate limit of one PDS application: requests leave at least {@code 1/perSecond} apart (as a spike
 * arrest meters them) and never more than {@code perSecond} within any second plus {@link #MARGIN} (as a sliding-window
 * counter meters them; the margin absorbs network jitter between our clock and the server's). Each caller reserves the
 * next free slot under a lock and then sleeps until it outside the lock, so callers leave in arrival order and waiting
 * is computed, not polled. A caller whose slot is further away than its deadline reserves nothing and gets false.
 */
public final class TokenBucket {
    static final Duration MARGIN = Duration.ofMillis(100);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final int perSecond;
    private final long spacing;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** Slot times of the last {@code perSecond} reservations, a ring; index {@code next} is the oldest. */
    private final long[] recent;
    private int next;
    private boolean used;

    /** Waits for a number of nanoseconds (a test can make time jump). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    public TokenBucket(int perSecond) {
        this(perSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    public TokenBucket(int perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond < 1");
        }
        this.perSecond = perSecond;
        this.spacing = SECOND / perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.recent = new long[perSecond];
    }

    public int perSecond() {
        return perSecond;
    }

    /**
     * Takes the next slot, waiting for it.
     *
     * @return false, reserving nothing, if the slot is further away than {@code maxWait}
     */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = now;
            if (used) {
                long newest = recent[(next + perSecond - 1) % perSecond];
                slot = Math.max(slot, newest + spacing);
                long oldest = recent[next];
                if (oldest != Long.MIN_VALUE) {
                    slot = Math.max(slot, oldest + SECOND + MARGIN.toNanos());
                }
            }
            wait = slot - now;
            if (wait > maxWait.toNanos()) {
                return false;
            }
            if (!used) {
                java.util.Arrays.fill(recent, Long.MIN_VALUE);
                used = true;
            }
            recent[next] = slot;
            next = (next + 1) % perSecond;
        }
        if (wait > 0) {
            sleeper.sleep(wait);
        }
        return true;
    }
}
