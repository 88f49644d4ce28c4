package io.holdfast.inventory.internal.command;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.health.api.HoldfastAction;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:systems}: lists the inventory. */
@Service
@Command(scope = "holdfast", name = "systems", description = "Lists the downstream systems in the inventory")
public class SystemsCommand extends HoldfastAction {
    @Reference
    Inventory inventory;

    @Option(name = "--env", description = "Only systems of this environment (e.g. int)")
    @Completion(EnvironmentCompleter.class)
    String environment;

    PrintStream out = System.out;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Name");
        table.column("Env");
        table.column("Transport");
        table.column("Format");
        table.column("Auth");
        table.column("Endpoint");
        table.column("Status").maxSize(80).wrap();
        for (DownstreamSystem s : inventory.all()) {
            if (environment == null || environment.trim().equalsIgnoreCase(s.environment())) {
                table.addRow().addContent(s.id(), s.name(), s.environment(), s.transport(), s.format(),
                        s.authPattern(), s.endpoint(), status(inventory.problems(s)));
            }
        }
        table.print(out);
    }

    /** {@code valid}, or {@code INVALID: } and why the system cannot be used now. */
    static String status(List<String> problems) {
        return problems.isEmpty() ? "valid" : "INVALID: " + String.join("; ", problems);
    }
}
