package io.holdfast.inventory.internal.command;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes inventory system ids. */
@Service
public class SystemIdCompleter implements Completer {
    @Reference
    Inventory inventory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (DownstreamSystem s : inventory.all()) {
            delegate.getStrings().add(s.id());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
