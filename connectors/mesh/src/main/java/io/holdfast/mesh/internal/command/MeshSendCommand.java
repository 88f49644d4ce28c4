package io.holdfast.mesh.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.message.Payload;
import io.holdfast.mesh.internal.transport.MeshMailbox;
import io.holdfast.mesh.internal.transport.MeshMailboxes;
import io.holdfast.mesh.internal.transport.OutgoingMessage;
import io.holdfast.mesh.internal.transport.SendResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code holdfast:mesh-send <file> --to --workflow}: sends a file directly (operator tool, outside routing). */
@Command(scope = "holdfast", name = "mesh-send", description = "Sends a file through a MESH mailbox (streamed, chunked; outside routing and the journal)")
@Service
public class MeshSendCommand implements Action {

    @Reference
    MeshMailboxes mailboxes;

    @Argument(index = 0, name = "file", description = "The file to send", required = true)
    String file;

    @Option(name = "--to", description = "Recipient mailbox id", required = true)
    String to;

    @Option(name = "--workflow", description = "Workflow id", required = true)
    String workflow;

    @Option(name = "--from", description = "Sending mailbox (default: the only configured one)")
    @Completion(MeshMailboxCompleter.class)
    String from;

    @Option(name = "--subject", description = "mex-Subject")
    String subject;

    @Option(name = "--local-id", description = "mex-LocalID (default: a new UUID)")
    String localId;

    @Override
    public Object execute() throws CommandException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new CommandException("mesh-send: no such file: " + path + "; nothing was sent");
        }
        MeshMailbox mailbox = MeshCommandErrors.mailbox(mailboxes, from, "mesh-send");
        String local = localId != null ? localId : UUID.randomUUID().toString();
        SendResult r;
        try {
            r = mailbox.uploader().send(new OutgoingMessage(to, workflow, Optional.ofNullable(subject), Optional.of(local),
                    Optional.of(path.getFileName().toString()), Payload.ofFile(path)));
        } catch (HoldfastException | java.io.UncheckedIOException e) {
            throw MeshCommandErrors.failed("mesh-send", e);
        }
        System.out.println("Sent " + path.getFileName() + " from " + mailbox.settings().mailboxId() + " to " + to.toUpperCase()
                + ": MESH message " + r.messageId() + ", local id " + local + ", " + r.chunks() + " chunk(s)"
                + (r.gzipped() ? ", gzipped" : "") + ". Track it with holdfast:mesh-track " + r.messageId());
        return null;
    }
}
