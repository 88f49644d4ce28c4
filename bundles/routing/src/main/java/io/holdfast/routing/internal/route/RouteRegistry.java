package io.holdfast.routing.internal.route;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.message.Envelope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.service.component.annotations.Component;

/**
 * The active routes, as the {@link Router} Intake asks. Routes are added and removed by their
 * configurations ({@link RouteComponent}); only valid routes are ever here.
 */
@Component(service = {Router.class, RouteRegistry.class})
public class RouteRegistry implements Router {
    private final Map<String, RouteDefinition> routes = new ConcurrentSkipListMap<>();

    public void add(RouteDefinition route) {
        routes.put(route.name(), route);
    }

    public void remove(String name) {
        routes.remove(name);
    }

    public List<RouteDefinition> routes() {
        return List.copyOf(routes.values());
    }

    public Optional<RouteDefinition> route(String name) {
        return Optional.ofNullable(routes.get(name));
    }

    /**
     * One target per system: the first matching route by name wins, so two routes to the same
     * system never deliver an event twice.
     */
    @Override
    public List<Target> targets(Envelope envelope, ClinicalEvent event) {
        Map<String, Target> chosen = new LinkedHashMap<>();
        for (RouteDefinition r : routes.values()) {
            if (r.matches(envelope, event)) {
                for (String t : r.targets()) {
                    chosen.putIfAbsent(t, new Target(r.name(), t, r.ordered()));
                }
            }
        }
        return chosen.isEmpty() ? List.of() : new ArrayList<>(chosen.values());
    }

    /** Targets for a message no codec maps: routes with {@code passthrough=true} whose sources match. */
    @Override
    public List<Target> passthroughTargets(Envelope envelope) {
        Map<String, Target> chosen = new LinkedHashMap<>();
        for (RouteDefinition r : routes.values()) {
            if (r.passthrough() && r.matchesSource(envelope)) {
                for (String t : r.targets()) {
                    chosen.putIfAbsent(t, new Target(r.name(), t, r.ordered()));
                }
            }
        }
        return List.copyOf(chosen.values());
    }

    /** The smallest depth limit among routes to this target (the strictest wins). */
    public OptionalInt depthLimit(String target) {
        return routes.values().stream().filter(r -> r.targets().contains(target)).mapToInt(RouteDefinition::outboxDepthLimit).min();
    }

    /** Request headers of a route (none if the route was removed since the row was written). */
    public Map<String, String> headers(String routeName) {
        RouteDefinition r = routes.get(routeName);
        return r == null ? Map.of() : r.headers();
    }

    /** The retry policy of a route, or the default if the route was removed since the row was written. */
    public RetryPolicy retry(String routeName, RetryPolicy fallback) {
        RouteDefinition r = routes.get(routeName);
        return r == null ? fallback : r.retry();
    }
}
