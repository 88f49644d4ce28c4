package io.holdfast.simulator.mesh.internal.command;

import io.holdfast.simulator.mesh.StoredMessage;
import io.holdfast.simulator.mesh.internal.MeshSimulatorComponent;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code sandbox:mesh-messages}: every message the MESH simulator holds, with its state, optionally for one mailbox. */
@Command(scope = "sandbox", name = "mesh-messages", description = "Lists the messages in the MESH simulator (sandbox only)")
@Service
public class SandboxMeshMessagesCommand implements Action {

    @Reference
    MeshSimulatorComponent simulator;

    @Option(name = "--mailbox", aliases = "-m", description = "Only messages sent from or to this mailbox")
    String mailbox;

    @Override
    public Object execute() throws CommandException {
        if (mailbox != null && !simulator.simulator().hasMailbox(mailbox)) {
            throw new CommandException("sandbox:mesh-messages: the simulator has no mailbox " + mailbox);
        }
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Message id", "Type", "From", "To", "Workflow", "File", "Local id", "Bytes", "Status"}) {
            table.column(c);
        }
        for (StoredMessage.MessageView m : simulator.simulator().store().all()) {
            if (mailbox == null || m.sender().equalsIgnoreCase(mailbox) || m.recipient().equalsIgnoreCase(mailbox)) {
                table.addRow().addContent(m.messageId(), m.messageType(), m.sender(), m.recipient(), m.workflowId(), m.fileName().orElse(""),
                        m.localId().orElse(""), m.size(), m.status().wire() + m.statusCode().map(c -> " (" + c + ")").orElse(""));
            }
        }
        table.print(System.out);
        return null;
    }
}
