package io.holdfast.journal.internal.command;

import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.StageEntry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import java.util.List;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:inflight}: messages routed to a target that has not acknowledged or dead-lettered them. */
@Command(scope = "holdfast", name = "inflight", description = "Lists messages routed to a target that has not yet reached ACKED or DEAD_LETTER, oldest first.")
@Service
public class InflightCommand implements Action {

    @Reference
    Journal journal;

    @Option(name = "--limit", description = "most messages to show (default 50)")
    int limit = 50;

    @Override
    public Object execute() throws CommandException {
        if (limit < 1) {
            throw CommandFailures.failure("inflight", "--limit must be at least 1 (is " + limit + ")");
        }
        List<JournalEntry> entries = CommandFailures.call("inflight", () -> journal.inFlight(limit));
        ShellTable t = new ShellTable();
        t.column("Journal id");
        t.column("Message id");
        t.column("Source");
        t.column("Received");
        t.column("Event");
        t.column("Last stage");
        t.column("Target");
        for (JournalEntry e : entries) {
            StageEntry last = e.lastStage().orElseThrow();
            t.addRow().addContent(e.id(), e.messageId(), e.sourceSystem(), e.receivedAt(), e.eventType().orElse("-"),
                    last.stage(), last.systemId());
        }
        t.emptyTableText("Nothing in flight.");
        t.print(System.out);
        return null;
    }
}
