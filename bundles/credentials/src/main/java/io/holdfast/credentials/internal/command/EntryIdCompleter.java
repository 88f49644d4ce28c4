package io.holdfast.credentials.internal.command;

import io.holdfast.credentials.api.VaultAdmin;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes vault entry ids of every environment. */
@Service
public class EntryIdCompleter implements Completer {
    @Reference
    VaultAdmin vault;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> ids = vault.versions(Optional.empty()).stream().map(v -> v.entryId()).distinct().toList();
        return new StringsCompleter(ids).complete(session, commandLine, candidates);
    }
}
