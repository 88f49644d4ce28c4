package io.holdfast.mesh.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.mesh.internal.transport.MeshMailbox;
import io.holdfast.mesh.internal.transport.MeshMailboxes;
import io.holdfast.mesh.internal.transport.MeshTracking;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:mesh-track <id>}: MESH tracking of a sent message, by message id or local id. */
@Command(scope = "holdfast", name = "mesh-track", description = "Shows MESH tracking for a sent message")
@Service
public class MeshTrackCommand implements Action {

    @Reference
    MeshMailboxes mailboxes;

    @Argument(index = 0, name = "id", description = "MESH message id (or local id with --local)", required = true)
    String id;

    @Option(name = "--local", description = "The id is the sender's mex-LocalID (the outbound request id)")
    boolean local;

    @Option(name = "--from", description = "Sending mailbox (default: the only configured one)")
    @Completion(MeshMailboxCompleter.class)
    String from;

    @Override
    public Object execute() throws CommandException {
        MeshMailbox mailbox = MeshCommandErrors.mailbox(mailboxes, from, "mesh-track");
        Optional<MeshTracking> t;
        try {
            t = local ? mailbox.client().trackByLocalId(id) : Optional.of(mailbox.client().track(id));
        } catch (HoldfastException e) {
            throw MeshCommandErrors.failed("mesh-track", e);
        }
        if (t.isEmpty()) {
            throw new CommandException("mesh-track: MESH has no message with local id " + id + " from " + mailbox.settings().mailboxId()
                    + ": it was never accepted (or was deleted after 30 days)");
        }
        ShellTable table = new ShellTable();
        table.column("Message id");
        table.column("Local id");
        table.column("Recipient");
        table.column("Status");
        table.column("Code");
        table.column("Description");
        MeshTracking x = t.get();
        table.addRow().addContent(x.messageId(), x.localId().orElse(""), x.recipient().orElse(""), x.status(),
                x.statusCode().orElse(""), x.statusDescription().orElse(""));
        table.print(System.out);
        return null;
    }
}
