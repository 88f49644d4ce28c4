package io.holdfast.examples.pathology.internal.command;

import io.holdfast.examples.pathology.internal.config.LabView;
import io.holdfast.examples.pathology.internal.transport.PollReport;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code pathology:labs}: each polled lab with its cursor, last poll, its outcome and the rows taken so far. */
@Service
@Command(scope = "pathology", name = "labs", description = "Lists pathology labs: system, cursor, last poll and its result, rows taken")
public class LabsCommand implements Action {

    @Reference(optional = true)
    List<LabView> labs;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Name", "System", "Every", "Cursor", "Last poll", "Result", "Credential", "Rows", "New", "Amended",
            "Duplicate", "Rejected"}) {
            table.column(c);
        }
        List<LabView> running = LabCommands.running(labs);
        for (LabView lab : running) {
            PollReport last = lab.lastPoll().orElse(null);
            PollReport.RowCounts t = lab.totals();
            table.addRow().addContent(lab.settings().name(), lab.settings().system(), lab.settings().pollInterval(), cursor(lab),
                    last == null ? "-" : last.at(), last == null ? "not polled yet" : last.ok() ? "OK" : last.error().get(),
                    last == null || last.credential().isEmpty() ? "-" : last.credential(), t.taken(), t.fresh(), t.amendments(),
                    t.duplicates(), t.rejected());
        }
        table.print(System.out);
        if (running.isEmpty()) {
            System.out.println("No pathology lab is running. Add etc/io.holdfast.examples.pathology.lab-<name>.cfg with system=<inventory id>; "
                    + "holdfast:status shows labs that failed to start.");
        }
        return null;
    }

    private static String cursor(LabView lab) {
        try {
            String c = lab.cursor();
            return c.isEmpty() ? "(start)" : c;
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }
}
