package io.holdfast.credentials.internal.command;

import io.holdfast.credentials.api.EntryVersion;
import io.holdfast.credentials.api.VaultAdmin;
import io.holdfast.health.api.HoldfastAction;
import java.io.PrintStream;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:creds}: every vault version with its state and identity; never a secret. */
@Service
@Command(scope = "holdfast", name = "creds", description = "Lists vault entries and versions (identities only, never secrets)")
public class CredsCommand extends HoldfastAction {
    @Reference
    VaultAdmin vault;

    @Option(name = "--env", description = "Only this environment")
    @Completion(EnvironmentCompleter.class)
    String environment;

    @Option(name = "--entry", description = "Only this entry id")
    @Completion(EntryIdCompleter.class)
    String entry;

    PrintStream out = System.out;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Env", "Entry", "Kind", "Ver", "State", "Activation", "Identity", "Systems", "Not after"}) {
            table.column(column);
        }
        for (EntryVersion v : vault.versions(Optional.ofNullable(environment).map(String::trim))) {
            if (entry == null || entry.trim().equals(v.entryId())) {
                table.addRow().addContent(v.environment(), v.entryId(), v.kind(), v.version(), v.state(),
                        v.activateAt().map(Object::toString).orElse("-"), v.identity().describe(),
                        v.systems().isEmpty() ? "-" : String.join(",", v.systems()),
                        v.certificates().isEmpty() ? "-" : v.certificates().get(0).notAfter().toString());
            }
        }
        table.print(out);
    }
}
