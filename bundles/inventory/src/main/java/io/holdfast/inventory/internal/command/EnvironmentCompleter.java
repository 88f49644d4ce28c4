package io.holdfast.inventory.internal.command;

import io.holdfast.api.kernel.Inventory;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the configured environments. */
@Service
public class EnvironmentCompleter implements Completer {
    @Reference
    Inventory inventory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(inventory.environments()).complete(session, commandLine, candidates);
    }
}
