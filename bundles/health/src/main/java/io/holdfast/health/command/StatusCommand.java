package io.holdfast.health.command;

import io.holdfast.api.kernel.Alert;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.Idempotency;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalCounts;
import io.holdfast.health.api.HoldfastAction;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code holdfast:status}: every component's state and error, the active alerts, and journal and
 * idempotency counts. A count that cannot be read (store down) fails the command with its one-line
 * error after the states were printed, so a script sees a non-zero exit.
 */
@Command(scope = "holdfast", name = "status", description = "Shows the state of every Holdfast component, active alerts, and journal and idempotency counts.")
@Service
public class StatusCommand extends HoldfastAction {

    @Reference
    Health health;

    @Reference(optional = true)
    Alerts alerts;

    @Reference(optional = true)
    Journal journal;

    @Reference(optional = true)
    Idempotency idempotency;

    PrintStream out = System.out;

    @Override
    protected void run() {
        out.println("Holdfast: " + health.overall());
        ShellTable table = new ShellTable();
        table.column("Component");
        table.column("State");
        table.column("Since");
        table.column("Detail").maxSize(100).wrap();
        for (ComponentHealth c : health.components()) {
            table.addRow().addContent(c.component(), c.state(), c.since().toString(), c.detail());
        }
        table.print(out);
        printAlerts();
        printCounts();
    }

    private void printAlerts() {
        if (alerts == null) {
            out.println("Alerts: not available");
            return;
        }
        List<Alert> active = alerts.active();
        out.println("Alerts: " + (active.isEmpty() ? "none active" : active.size() + " active"));
        if (!active.isEmpty()) {
            AlertsCommand.table(active).print(out);
        }
    }

    private void printCounts() {
        if (journal == null) {
            out.println("Journal: not available (see the journal and store components above)");
        } else {
            JournalCounts c = journal.counts();
            out.printf("Journal: %d messages, %d stages, %d field records, %d in flight, %d rejected%n",
                    c.messages(), c.stages(), c.fields(), c.inFlight(), c.rejected());
        }
        if (idempotency == null) {
            out.println("Idempotency: not available");
        } else {
            out.printf("Idempotency: %d natural keys held%n", idempotency.count());
        }
    }
}
