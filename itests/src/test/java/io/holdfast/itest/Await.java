package io.holdfast.itest;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or the time is up; the failure names what was awaited. The only way tests wait. */
public final class Await {
    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    /**
     * Polls {@code condition} until it holds; the failure adds {@code state} (the last observed state, a
     * log path), for a reader of a red build.
     */
    public static void until(String what, java.time.Duration timeout, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout.toSeconds() + " s; " + state.get());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    static void until(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeoutMillis + " ms");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Polls {@code value} until {@code accepted} holds for it; returns that value. The failure shows the last
     * value seen (e.g. the last command output), which is what a reader of a red build needs.
     */
    static <T> T value(String what, long timeoutMillis, Supplier<T> value, java.util.function.Predicate<T> accepted)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        T last = value.get();
        while (!accepted.test(last)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeoutMillis + " ms; last seen:\n" + last);
            }
            Thread.sleep(POLL_MILLIS);
            last = value.get();
        }
        return last;
    }
}
