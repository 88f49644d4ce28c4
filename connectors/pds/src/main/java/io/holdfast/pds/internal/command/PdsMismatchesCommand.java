package io.holdfast.pds.internal.command;

import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Journal;
import io.holdfast.pds.internal.check.PdsMismatches;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:pds-mismatches}: inbound patients the PDS check flagged for review, newest first (from the journal). */
@Command(scope = "holdfast", name = "pds-mismatches", description = "Lists inbound patients whose NHS number or demographics disagree with PDS")
@Service
public class PdsMismatchesCommand extends PdsAction {

    @Reference
    Inventory inventory;

    @Reference
    Journal journal;

    @Option(name = "--max", description = "Show at most this many (1-10000)")
    int max = 50;

    @Override
    protected String verb() {
        return "pds-mismatches";
    }

    @Override
    protected void run() {
        if (max < 1 || max > 10_000) {
            throw new IllegalArgumentException("--max must be 1-10000");
        }
        List<PdsMismatches.Finding> found = new PdsMismatches(inventory, journal).recent(max);
        ShellTable table = new ShellTable();
        table.column("Journal");
        table.column("At");
        table.column("Message");
        table.column("Source");
        table.column("Check");
        table.column("Finding");
        for (PdsMismatches.Finding f : found) {
            table.addRow().addContent(f.journalId(), f.at(), f.messageId(), f.sourceSystem(), f.target(), f.detail());
        }
        table.print(System.out);
        System.out.println(found.size() + " finding(s); holdfast:trace <message> shows an event's journal");
    }
}
