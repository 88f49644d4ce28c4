package io.holdfast.inventory.internal.command;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.health.api.HoldfastAction;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:system-show}: every field of one entry. */
@Service
@Command(scope = "holdfast", name = "system-show", description = "Shows one downstream system of the inventory")
public class SystemShowCommand extends HoldfastAction {
    @Reference
    Inventory inventory;

    @Argument(index = 0, name = "id", required = true, description = "The system id")
    @Completion(SystemIdCompleter.class)
    String id;

    PrintStream out = System.out;

    @Override
    protected void run() {
        DownstreamSystem s = inventory.require(id);
        List<String> problems = inventory.problems(s);
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value").maxSize(120).wrap();
        table.addRow().addContent("id", s.id());
        table.addRow().addContent("name", s.name());
        table.addRow().addContent("ODS code", s.odsCode().orElse("-"));
        table.addRow().addContent("environment", s.environment());
        table.addRow().addContent("transport", s.transport());
        table.addRow().addContent("format", s.format());
        table.addRow().addContent("endpoint", s.endpoint());
        table.addRow().addContent("auth pattern", s.authPattern());
        table.addRow().addContent("credential ref", s.credentialRef().orElse("-"));
        table.addRow().addContent("owner contact", s.ownerContact().orElse("-"));
        table.addRow().addContent("status", SystemsCommand.status(problems));
        table.print(out);
    }
}
