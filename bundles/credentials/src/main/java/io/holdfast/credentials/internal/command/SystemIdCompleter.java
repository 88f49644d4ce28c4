package io.holdfast.credentials.internal.command;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes inventory system ids that have a credential ref. */
@Service
public class SystemIdCompleter implements Completer {
    @Reference
    Inventory inventory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> ids = inventory.all().stream().filter(s -> s.credentialRef().isPresent()).map(DownstreamSystem::id).toList();
        return new StringsCompleter(ids).complete(session, commandLine, candidates);
    }
}
