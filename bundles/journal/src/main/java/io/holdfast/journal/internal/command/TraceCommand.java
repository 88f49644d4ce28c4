package io.holdfast.journal.internal.command;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.EventKey;
import io.holdfast.api.kernel.FieldEntry;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.model.NhsNumber;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:trace}: what happened to a message, by journal id, message id, NHS number, natural key or system. */
@Command(scope = "holdfast", name = "trace", description = "Shows journaled messages and their stages, found by journal id, "
        + "message id, NHS number, natural key or system. Stage details are decrypted for display; values of fields are shown as keyed digests.")
@Service
public class TraceCommand implements Action {

    @Reference
    Journal journal;

    @Option(name = "--id", description = "journal id")
    Long id;

    @Option(name = "--message-id", aliases = "-m", description = "transport message id (MSH-10, MESH message id)")
    String messageId;

    @Option(name = "--nhs", description = "NHS number (spaces allowed)")
    String nhs;

    @Option(name = "--key", description = "natural key as type|system|value, e.g. Referral|https://fhir.nhs.uk/Id/UBRN|000000070000")
    String key;

    @Option(name = "--system", aliases = "-s", description = "source or target system id (most recent first)")
    String system;

    @Option(name = "--limit", description = "most messages to show (default 20)")
    int limit = 20;

    @Option(name = "--fields", aliases = "-f", description = "also list field-level records")
    boolean fields;

    @Override
    public Object execute() throws CommandException {
        if (limit < 1) {
            throw CommandFailures.failure("trace", "--limit must be at least 1 (is " + limit + ")");
        }
        PrintStream out = System.out;
        List<JournalEntry> entries = CommandFailures.call("trace", this::find);
        if (entries.isEmpty()) {
            out.println("No journaled message matches.");
            return null;
        }
        CommandFailures.call("trace", () -> {
            entries.stream().limit(limit).forEach(e -> print(out, e));
            return null;
        });
        return null;
    }

    private List<JournalEntry> find() {
        if (id != null) {
            return journal.find(id).map(List::of).orElse(List.of());
        }
        if (messageId != null) {
            return journal.byMessageId(messageId);
        }
        if (nhs != null) {
            return journal.byNhsNumber(NhsNumber.parse(nhs));
        }
        if (key != null) {
            String[] p = key.split("\\|", 3);
            if (p.length != 3) {
                throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER, "--key needs type|system|value");
            }
            return journal.byNaturalKey(new EventKey(p[0], p[1], p[2]));
        }
        if (system != null) {
            return journal.bySystem(system, limit);
        }
        throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER,
                "give one of --id, --message-id, --nhs, --key or --system (see trace --help)");
    }

    private void print(PrintStream out, JournalEntry e) {
        ViewerMask mask = ViewerMask.forCaller();
        out.printf("Journal id %d  message %s  from %s via %s  at %s  format %s%n", e.id(), e.messageId(), e.sourceSystem(),
                e.channel(), e.receivedAt(), e.wireFormat());
        out.printf("  event %s  claim %s  payload %s%n", e.eventType().orElse("-"), e.claim().map(Enum::name).orElse("-"),
                e.payload().map(p -> p.size() + " bytes sha256:" + p.sha256().substring(0, 12)).orElse("-"));
        ShellTable t = new ShellTable();
        t.column("Seq");
        t.column("Stage");
        t.column("At");
        t.column("System");
        t.column("Credential");
        t.column("Detail").maxSize(60);
        for (StageEntry s : e.stages()) {
            t.addRow().addContent(s.sequence(), s.stage(), s.at(), s.systemId(), s.credential().orElse(""), mask.apply(s.detail()));
        }
        t.print(out);
        if (fields) {
            ShellTable f = new ShellTable();
            f.column("Source");
            f.column("Canonical");
            f.column("Target");
            f.column("Value");
            for (FieldEntry fe : journal.fields(e.id())) {
                f.addRow().addContent(fe.sourcePath(), fe.canonicalPath(), fe.targetPath(),
                        fe.clearValue().map(mask::apply).orElse("hmac:" + fe.valueDigest().substring(0, 16)));
            }
            f.print(out);
        }
    }
}
