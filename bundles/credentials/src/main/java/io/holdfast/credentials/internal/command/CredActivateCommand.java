package io.holdfast.credentials.internal.command;

import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.EntryVersion;
import io.holdfast.credentials.api.VaultAdmin;
import io.holdfast.health.api.HoldfastAction;
import java.io.PrintStream;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code holdfast:cred-activate}: makes a version active now or at a scheduled time (also a rollback). */
@Service
@Command(scope = "holdfast", name = "cred-activate",
        description = "Activates a credential version now or at a scheduled time; the current one stays in use until then")
public class CredActivateCommand extends HoldfastAction {
    @Reference
    VaultAdmin vault;

    @Argument(index = 0, name = "version", required = true, description = "The version number to activate")
    int version;

    @Option(name = "--system", description = "Inventory system whose credential entry to activate")
    @Completion(SystemIdCompleter.class)
    String system;

    @Option(name = "--env", description = "Environment of the vault (with --entry)")
    @Completion(EnvironmentCompleter.class)
    String environment;

    @Option(name = "--entry", description = "Vault entry id (with --env)")
    @Completion(EntryIdCompleter.class)
    String entry;

    @Option(name = "--kind", description = "Kind to activate; needed when the entry holds several")
    @Completion(KindCompleter.class)
    String kind;

    @Option(name = "--at", description = "Activate at this ISO-8601 instant instead of now, e.g. 2026-12-01T02:00:00Z")
    String at;

    /** Re-checked after a change, so alerts of a replaced certificate clear at once (absent: the daily run does it). */
    @Reference(optional = true)
    CertificateMonitor monitor;

    PrintStream out = System.out;

    @Override
    protected void run() {
        EntryVersion v = vault.activate(CommandInput.target(system, environment, entry),
                Optional.ofNullable(kind).map(CommandInput::kind), version, CommandInput.instant("--at", at));
        out.println(v.label() + " (" + v.identity().describe() + ") is " + v.state()
                + (v.state() == EntryVersion.State.SCHEDULED ? " from " + v.activateAt().orElseThrow() : ""));
        CertificateTable.recheck(monitor, out);
    }
}
