package io.holdfast.mesh.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.mesh.internal.transport.MeshMailbox;
import io.holdfast.mesh.internal.transport.MeshMailboxes;
import io.holdfast.mesh.internal.transport.MeshMessageHeaders;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:mesh-inbox <mailbox>}: what waits in a mailbox's inbox, metadata only (never content). */
@Command(scope = "holdfast", name = "mesh-inbox", description = "Lists messages waiting in a MESH inbox (metadata only)")
@Service
public class MeshInboxCommand implements Action {

    @Reference
    MeshMailboxes mailboxes;

    @Argument(index = 0, name = "mailbox", description = "Mailbox id", required = true)
    @Completion(MeshMailboxCompleter.class)
    String mailbox;

    @Option(name = "--max", description = "Show at most this many messages")
    int max = 50;

    @Override
    public Object execute() throws CommandException {
        MeshMailbox m = MeshCommandErrors.mailbox(mailboxes, mailbox, "mesh-inbox");
        try {
            return list(m);
        } catch (HoldfastException e) {
            throw MeshCommandErrors.failed("mesh-inbox", e);
        }
    }

    private Object list(MeshMailbox m) {
        List<String> ids = m.client().inboxAll(m.settings().pageSize()).messageIds();
        ShellTable table = new ShellTable();
        table.column("Message id");
        table.column("Type");
        table.column("From");
        table.column("Workflow");
        table.column("File name");
        table.column("Chunks");
        table.column("Local id");
        for (String id : ids.subList(0, Math.min(max, ids.size()))) {
            MeshMessageHeaders h = m.client().head(id);
            table.addRow().addContent(id, h.messageType(), h.from(), h.workflowId(), h.fileName().orElse(""), h.chunkRange().total(),
                    h.localId().orElse(""));
        }
        table.print(System.out);
        System.out.println(ids.size() + " message(s) waiting in " + m.settings().mailboxId()
                + (ids.size() > max ? " (first " + max + " shown)" : ""));
        return null;
    }
}
