package io.holdfast.health.api;

import io.holdfast.api.error.HoldfastException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

/**
 * Base of the kernel's {@code holdfast:*} commands, so each fails the same way: one line and a
 * non-zero exit. A {@link HoldfastException} becomes Karaf's {@link CommandException} carrying
 * {@code HF-nnn message}, which the console prints as that line (no stack trace, no ERROR entry with
 * a stack trace in the log) and a script run through {@code bin/client} sees as a failed command.
 * Commands throw for every error; they never print an error and return normally.
 */
public abstract class HoldfastAction implements Action {

    @Override
    public final Object execute() throws CommandException {
        try {
            run();
            return null;
        } catch (HoldfastException e) {
            throw new CommandException(e.describe(), e);
        }
    }

    /** The command's work; throws {@link HoldfastException} on any error the user must see. */
    protected abstract void run();
}
