package io.holdfast.inventory.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:systems}: lists the inventory. */
@Service
@Command(scope = "holdfast", name = "systems", description = "Lists the downstream systems in the inventory")
public class SystemsCommand implements Action {
    @Reference
    Inventory inventory;

    @Option(name = "--env", description = "Only systems of this environment (e.g. int)")
    @Completion(EnvironmentCompleter.class)
    String environment;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("ID");
            table.column("Name");
            table.column("Env");
            table.column("Transport");
            table.column("Format");
            table.column("Auth");
            table.column("Endpoint");
            for (DownstreamSystem s : inventory.all()) {
                if (environment == null || environment.trim().equalsIgnoreCase(s.environment())) {
                    table.addRow().addContent(s.id(), s.name(), s.environment(), s.transport(), s.format(),
                            s.authPattern(), s.endpoint());
                }
            }
            table.print(out);
        } catch (HoldfastException e) {
            err.println(e.describe());
        }
        return null;
    }
}
