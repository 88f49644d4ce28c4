package io.holdfast.simulator.mesh.internal.command;

import io.holdfast.simulator.mesh.internal.MeshSimulatorComponent;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code sandbox:mesh-collect <mailbox>}: plays the owner of a simulated mailbox that downloads its inbox and
 * acknowledges everything, so that the senders' tracking (and Holdfast's journal) moves on to acknowledged.
 */
@Command(scope = "sandbox", name = "mesh-collect", description = "Acknowledges every message waiting in a simulated MESH inbox (sandbox only)")
@Service
public class SandboxMeshCollectCommand implements Action {

    @Reference
    MeshSimulatorComponent simulator;

    @Argument(index = 0, name = "mailbox", description = "Simulated mailbox whose inbox is collected, e.g. X26ABC3", required = true)
    String mailbox;

    @Override
    public Object execute() throws CommandException {
        List<String> ids;
        try {
            ids = simulator.simulator().acknowledgeInbox(mailbox);
        } catch (RuntimeException e) {
            throw new CommandException("sandbox:mesh-collect: " + e.getMessage());
        }
        System.out.println(ids.isEmpty() ? "Nothing waiting in " + mailbox.toUpperCase() + "'s inbox."
                : "Acknowledged " + ids.size() + " message(s) in " + mailbox.toUpperCase() + "'s inbox: " + String.join(", ", ids));
        return null;
    }
}
