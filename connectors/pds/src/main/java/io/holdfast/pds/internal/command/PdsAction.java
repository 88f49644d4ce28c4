package io.holdfast.pds.internal.command;

import io.holdfast.api.error.HoldfastException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

/**
 * Base of the {@code holdfast:pds-*} commands, as the kernel's commands fail: one line and a non-zero exit. A
 * connector cannot import the kernel's own base class (build-rules), so this is the same shape here.
 */
abstract class PdsAction implements Action {

    @Override
    public final Object execute() throws CommandException {
        try {
            run();
            return null;
        } catch (HoldfastException e) {
            throw fail(e.describe());
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    protected abstract void run() throws CommandException;

    protected abstract String verb();

    protected CommandException fail(String line) {
        return new CommandException(verb() + ": " + (line == null ? "failed" : line.replace('\n', ' ')));
    }
}
