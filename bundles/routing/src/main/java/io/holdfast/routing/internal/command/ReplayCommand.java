package io.holdfast.routing.internal.command;

import io.holdfast.routing.internal.outbox.OutboxAdmin;
import io.holdfast.routing.internal.outbox.OutboxRow;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code holdfast:replay}: sends dead letters again, with the same request id; journaled with the user. */
@Service
@Command(scope = "holdfast", name = "replay", description = "Replays a dead letter (by outbox id), or all of a target's with --target X --all")
public class ReplayCommand implements Action {
    @Reference
    OutboxAdmin admin;

    @Argument(index = 0, name = "id", required = false, description = "Outbox id of the dead letter (see holdfast:deadletters)")
    @Completion(DeadLetterIdCompleter.class)
    Long id;

    @Option(name = "--target", description = "Inventory system whose dead letters to replay (with --all)")
    @Completion(TargetCompleter.class)
    String target;

    @Option(name = "--all", description = "Replay every dead letter of --target")
    boolean all;

    @Override
    public Object execute() throws CommandException {
        if (id != null && !all && target == null) {
            OutboxRow r = CommandFailures.call("replay", () -> admin.replay(id, ShellUser.current()));
            System.out.println("Outbox row " + r.id() + " to " + r.target() + " is PENDING again (request " + r.requestId() + ")");
        } else if (id == null && all && target != null && !target.isBlank()) {
            int n = CommandFailures.call("replay", () -> admin.replayAll(target.trim(), ShellUser.current()));
            System.out.println(n + " dead letters of " + target.trim() + " are PENDING again");
        } else {
            throw CommandFailures.failure("replay", "give either an outbox id, or --target <system> --all; nothing was replayed");
        }
        return null;
    }
}
