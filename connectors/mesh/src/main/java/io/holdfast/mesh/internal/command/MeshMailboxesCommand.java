package io.holdfast.mesh.internal.command;

import io.holdfast.mesh.internal.transport.MeshMailbox;
import io.holdfast.mesh.internal.transport.MeshMailboxes;
import io.holdfast.mesh.internal.transport.PollResult;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:mesh-mailboxes}: configured mailboxes and their last poll. */
@Command(scope = "holdfast", name = "mesh-mailboxes", description = "Lists MESH mailboxes, their last poll and messages awaiting acknowledgement")
@Service
public class MeshMailboxesCommand implements Action {

    @Reference
    MeshMailboxes mailboxes;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Mailbox");
        table.column("Env");
        table.column("Base URL");
        table.column("Poll");
        table.column("Handshake");
        table.column("Last poll");
        table.column("Last result");
        table.column("Unacked on disk");
        table.column("Last error");
        for (MeshMailbox m : mailboxes.all()) {
            MeshMailbox.MailboxStatus s = m.status();
            PollResult r = s.lastResult();
            table.addRow().addContent(m.settings().mailboxId(), m.settings().environment(), m.settings().baseUrl(),
                    m.settings().pollEnabled() ? m.settings().pollInterval().toSeconds() + "s" : "off", s.handshakeOk() ? "ok" : "-",
                    s.lastPoll().map(Object::toString).orElse("-"),
                    r.listed() + " listed / " + r.delivered() + " new / " + r.duplicates() + " dup / " + r.skipped() + " left / " + r.limited() + " refused by a limit / " + r.failed() + " retry",
                    s.downloadedNotAcknowledged(), s.lastError().orElse(""));
        }
        table.print(System.out);
        return null;
    }
}
