package io.holdfast.routing.internal.command;

import io.holdfast.api.error.HoldfastException;
import java.util.function.Supplier;
import org.apache.karaf.shell.support.CommandException;

/**
 * How the routing commands fail: Karaf's {@link CommandException} with one line
 * ({@code verb: HF-nnn what happened}), which the console prints without a stack trace and a script
 * run through {@code bin/client} sees as a failed command (non-zero exit). Never print and return.
 */
final class CommandFailures {
    static final int MAX_LIMIT = 10_000;

    private CommandFailures() {
    }

    static <T> T call(String verb, Supplier<T> action) throws CommandException {
        try {
            return action.get();
        } catch (HoldfastException e) {
            throw new CommandException(verb + ": " + e.describe(), e);
        }
    }

    static CommandException failure(String verb, String text) {
        return new CommandException(verb + ": " + text);
    }

    /** {@code --limit} must be 1 to {@value #MAX_LIMIT}. */
    static int limit(String verb, int limit) throws CommandException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw failure(verb, "--limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }
}
