package io.holdfast.routing.internal.command;

import io.holdfast.routing.internal.route.RouteDefinition;
import io.holdfast.routing.internal.route.RouteRegistry;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the targets of active routes. */
@Service
public class TargetCompleter implements Completer {
    @Reference
    RouteRegistry routes;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (RouteDefinition r : routes.routes()) {
            delegate.getStrings().addAll(r.targets());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
