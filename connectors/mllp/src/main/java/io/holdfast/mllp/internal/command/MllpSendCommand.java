package io.holdfast.mllp.internal.command;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code holdfast:mllp-send <file> <system>}: sends an HL7 v2 file (LF or CR segment ends) to an
 * MLLP system of the inventory, or to {@code host:port}, and prints the ACK. A test tool: the
 * message is not journaled or routed; use a listener for real traffic. Fails (one line, non-zero
 * exit) when the transport is absent, the file unreadable, the target unknown or the answer is not
 * an accepting ACK.
 */
@Service
@Command(scope = "holdfast", name = "mllp-send", description = "Sends an HL7 v2 file over MLLP to an inventory system (or host:port) and shows the ACK")
public class MllpSendCommand implements Action {

    @Argument(index = 0, name = "file", required = true, description = "HL7 v2 message file")
    @Completion(FileCompleter.class)
    String file;

    @Argument(index = 1, name = "system", required = true, description = "Inventory system id with transport MLLP, or host:port")
    String system;

    @Reference(optional = true)
    Inventory inventory;

    @Reference(optional = true)
    List<OutboundTransport> transports;

    /** Prints the ACK outcome; anything but an accepting ACK fails the command (one line, non-zero exit) so scripts can rely on it. */
    @Override
    public Object execute() throws CommandException {
        OutboundTransport mllp = transports == null ? null
                : transports.stream().filter(t -> Transports.MLLP.equals(t.transport())).findFirst().orElse(null);
        if (mllp == null) {
            throw new CommandException("mllp-send: the MLLP transport is not running; install the holdfast-mllp feature");
        }
        DownstreamSystem target = resolve();
        OutboundRequest request = new OutboundRequest("shell-" + UUID.randomUUID(), 1, target, Payload.of(read()), Map.of(),
                new AuthMaterial.None());
        DeliveryResult result = mllp.deliver(request);
        if (!(result instanceof DeliveryResult.Acknowledged)) {
            throw new CommandException("mllp-send: " + target.endpoint() + ": " + describe(result));
        }
        System.out.println(target.endpoint() + ": " + describe(result));
        return null;
    }

    private byte[] read() throws CommandException {
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CommandException("mllp-send: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        text = text.strip().replace("\r\n", "\r").replace('\n', '\r') + "\r";
        if (!text.startsWith("MSH")) {
            throw new CommandException("mllp-send: " + file + " does not start with an MSH segment");
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private DownstreamSystem resolve() throws CommandException {
        if (inventory != null) {
            Optional<DownstreamSystem> known = inventory.find(system);
            if (known.isPresent()) {
                if (!Transports.MLLP.equals(known.get().transport())) {
                    throw new CommandException("mllp-send: system '" + system + "' uses transport " + known.get().transport() + ", not MLLP");
                }
                return known.get();
            }
        }
        if (!system.matches("[^:]+:\\d{1,5}")) {
            throw new CommandException("mllp-send: '" + system + "' is neither a known system (holdfast:systems) nor host:port");
        }
        return new DownstreamSystem(system, system, Optional.empty(), "dev", Transports.MLLP, WireFormat.hl7v2("2.4"), system,
                AuthPattern.NONE, Optional.empty(), Optional.empty());
    }

    private static String describe(DeliveryResult r) {
        if (r instanceof DeliveryResult.Acknowledged a) {
            return "accepted: " + a.summary();
        }
        if (r instanceof DeliveryResult.Transient t) {
            return "not delivered (worth retrying): " + t.reason();
        }
        if (r instanceof DeliveryResult.Permanent p) {
            return "rejected: " + p.reason();
        }
        return r.toString();
    }
}
