package io.holdfast.itest.dist;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling with a deadline: the only way these tests wait (never a sleep as a correctness condition). */
final class Await {
    private Await() {
    }

    /**
     * Polls {@code condition} every 100 ms until it holds.
     *
     * @param state what to print when the time is up (the last observed state, a log path)
     */
    static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout.toSeconds() + " s; " + state.get());
            }
            Thread.sleep(100);
        }
    }
}
