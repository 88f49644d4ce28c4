package io.holdfast.simulator.mesh.internal.command;

import io.holdfast.simulator.mesh.internal.MeshSimulatorComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code sandbox:mesh-send}: a simulated partner mailbox sends a file, as if it had uploaded it to MESH. */
@Command(scope = "sandbox", name = "mesh-send", description = "Sends a file from a simulated MESH mailbox (sandbox only)")
@Service
public class SandboxMeshSendCommand implements Action {

    @Reference
    MeshSimulatorComponent simulator;

    @Option(name = "--from", description = "Sending simulated mailbox (default X26ABC1)")
    String from = "X26ABC1";

    @Option(name = "--to", description = "Recipient mailbox (default X26ABC2, Holdfast's sandbox mailbox)")
    String to = "X26ABC2";

    @Option(name = "--workflow", description = "Workflow id (default TEST_WORKFLOW)")
    String workflow = "TEST_WORKFLOW";

    @Option(name = "--file-name", description = "mex-FileName (default manual.txt)")
    String fileName = "manual.txt";

    @Argument(index = 0, name = "text", description = "Content (default: a line with the time)", multiValued = true)
    List<String> text;

    @Override
    public Object execute() throws CommandException {
        String content = text == null || text.isEmpty() ? "sandbox file sent at " + Instant.now() + "\n" : String.join(" ", text) + "\n";
        String id;
        try {
            id = simulator.simulator().send(from, to, workflow, fileName, content.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new CommandException("sandbox:mesh-send: " + e.getMessage() + "; nothing was sent");
        }
        System.out.println("Sent " + fileName + " from " + from.toUpperCase() + " to " + to.toUpperCase() + " (workflow " + workflow
                + "): MESH message " + id);
        return null;
    }
}
