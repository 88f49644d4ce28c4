package io.holdfast.routing.internal.command;

import io.holdfast.routing.internal.outbox.OutboxAdmin;
import io.holdfast.routing.internal.outbox.OutboxRow;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code holdfast:skip}: gives up a pending row that blocks an ordered route; it becomes a replayable dead letter. */
@Service
@Command(scope = "holdfast", name = "skip", description = "Moves a PENDING outbox row to dead letter so later rows of its ordered route can go")
public class SkipCommand implements Action {
    @Reference
    OutboxAdmin admin;

    @Argument(index = 0, name = "id", required = true, description = "Outbox id (see holdfast:outbox --list --state PENDING)")
    long id;

    @Override
    public Object execute() throws CommandException {
        OutboxRow r = CommandFailures.call("skip", () -> admin.skip(id, ShellUser.current()));
        System.out.println("Outbox row " + r.id() + " to " + r.target() + " skipped; it is a dead letter now (replay with holdfast:replay "
                + r.id() + ")");
        return null;
    }
}
