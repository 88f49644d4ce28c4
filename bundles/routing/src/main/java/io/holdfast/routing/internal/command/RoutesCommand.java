package io.holdfast.routing.internal.command;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.routing.internal.route.RouteDefinition;
import io.holdfast.routing.internal.route.RouteRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:routes}: active routes, then route configurations that were rejected. */
@Service
@Command(scope = "holdfast", name = "routes", description = "Lists active routes and rejected route configurations")
public class RoutesCommand implements Action {
    @Reference
    RouteRegistry routes;

    @Reference
    Health health;

    @Override
    public Object execute() {
        ShellTable t = new ShellTable();
        t.column("Route");
        t.column("Sources");
        t.column("Event types");
        t.column("Targets");
        t.column("Ordered");
        t.column("Passthrough");
        t.column("Attempts");
        t.column("Backoff ms");
        t.column("Depth limit");
        t.column("Filter");
        t.column("Headers");
        for (RouteDefinition r : routes.routes()) {
            t.addRow().addContent(r.name(), String.join(",", r.sources()), String.join(",", r.eventTypes()),
                    String.join(",", r.targets()), r.ordered() ? "yes" : "no", r.passthrough() ? "yes" : "no",
                    r.retry().maxAttempts(), r.retry().initialBackoffMs() + "-" + r.retry().maxBackoffMs(), r.outboxDepthLimit(),
                    r.filter(), r.headers().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                            .collect(java.util.stream.Collectors.joining(",")));
        }
        t.emptyTableText("No active routes. Add one as etc/io.holdfast.route-<name>.cfg");
        t.print(System.out);
        for (ComponentHealth h : health.components()) {
            if (h.component().startsWith("route:") && h.state() == HealthState.DOWN) {
                System.out.println("Not active: " + h.component().substring(6) + ": " + h.detail());
            }
        }
        return null;
    }
}
