package io.holdfast.journal.internal.command;

import io.holdfast.api.error.HoldfastException;
import java.util.function.Supplier;
import org.apache.karaf.shell.support.CommandException;

/**
 * Turns a failure into Karaf's {@link CommandException}: one line ({@code verb: HF-nnn what
 * happened}) and a non-zero exit, so scripts can rely on the command's status.
 */
final class CommandFailures {
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
}
