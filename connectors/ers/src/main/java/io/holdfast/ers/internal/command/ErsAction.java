package io.holdfast.ers.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.ers.CallFailure;
import io.holdfast.ers.ErsResult;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

/** Base of the {@code holdfast:ers-*} commands: an error is one thrown line and a non-zero exit. */
abstract class ErsAction implements Action {

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

    /** The value of a Done, else the refusal or failure as one thrown line. */
    protected <T> T done(ErsResult<T> result) throws CommandException {
        if (result instanceof ErsResult.Done<T> d) {
            return d.value();
        }
        if (result instanceof ErsResult.Refused<T> r) {
            throw fail(r.line());
        }
        CallFailure f = ((ErsResult.Failed<T>) result).failure();
        throw fail(f.code() + " " + f.reason());
    }
}
