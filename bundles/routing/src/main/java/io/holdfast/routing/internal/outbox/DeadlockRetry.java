package io.holdfast.routing.internal.outbox;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Recognises a deadlock victim or lock timeout (SQLState {@code 40001}, Derby's {@code 40XL1} /
 * {@code 40XL2}) anywhere in a cause chain, and runs an action again when it was one: the database
 * rolled the victim back, so running the same statement again is safe and usually succeeds at once.
 */
public final class DeadlockRetry {
    /** Tries per action: the first run and two retries. */
    public static final int TRIES = 3;

    private DeadlockRetry() {
    }

    public static boolean isVictim(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                for (SQLException s = e; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.equals("40001") || state.startsWith("40XL"))) {
                        return true;
                    }
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** Runs {@code action}, again (up to {@link #TRIES} in all) while it fails as a deadlock victim. */
    public static <T> T run(Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (attempt >= TRIES || !isVictim(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** A short, growing pause so the winner of the lock conflict can commit first. */
    public static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
