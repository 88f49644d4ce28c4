package io.holdfast.credentials.internal.command;

import io.holdfast.credentials.api.VaultAdmin;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the vault environments. */
@Service
public class EnvironmentCompleter implements Completer {
    @Reference
    VaultAdmin vault;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(vault.environments()).complete(session, commandLine, candidates);
    }
}
