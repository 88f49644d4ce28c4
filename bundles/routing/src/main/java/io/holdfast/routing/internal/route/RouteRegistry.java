package io.holdfast.routing.internal.route;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.message.Envelope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;

/**
 * The active routes. Registered only as {@code RouteRegistry}: Intake sees them through the
 * {@link Router} service {@link RouterService}, which is registered once the routes present at
 * start are loaded ({@link RouteLoadGate}); plain-JVM kernels use this class as the Router. Routes are
 * applied and withdrawn by their configurations ({@link RouteComponent}); only valid routes are
 * ever here.
 *
 * <p>Readers see an immutable snapshot that a change replaces in one volatile write, so editing a
 * route swaps the old definition for the new one atomically: an event matched at any moment sees
 * either the old or the new route, never neither (before, an edit removed the route and then added
 * it again, and an event arriving in between matched nothing).
 */
@Component(service = RouteRegistry.class)
public class RouteRegistry implements Router {
    private final Object changes = new Object();
    private volatile SortedMap<String, RouteDefinition> routes = Collections.emptySortedMap();
    /** Route name per configuration PID (guarded by {@code changes}). */
    private final Map<String, String> namesByPid = new HashMap<>();
    private final Set<String> appliedPids = new HashSet<>();
    private final Set<String> appliedFiles = new HashSet<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * Applies one configuration in a single step: its previous route (if any, whatever its name)
     * is replaced by {@code route}, or withdrawn if {@code route} is empty (an invalid configuration
     * routes nothing).
     *
     * @param file the fileinstall file name it came from ({@code io.holdfast.route-x.cfg}), if any
     */
    public void apply(String pid, Optional<String> file, Optional<RouteDefinition> route) {
        synchronized (changes) {
            TreeMap<String, RouteDefinition> next = new TreeMap<>(routes);
            String previous = namesByPid.remove(pid);
            if (previous != null) {
                next.remove(previous);
            }
            route.ifPresent(r -> {
                next.put(r.name(), r);
                namesByPid.put(pid, r.name());
            });
            routes = Collections.unmodifiableSortedMap(next);
            appliedPids.add(pid);
            file.ifPresent(appliedFiles::add);
        }
        listeners.forEach(Runnable::run);
    }

    /** Withdraws the route of a configuration that was deleted (or whose component stopped). */
    public void withdraw(String pid) {
        synchronized (changes) {
            String previous = namesByPid.remove(pid);
            if (previous != null) {
                TreeMap<String, RouteDefinition> next = new TreeMap<>(routes);
                next.remove(previous);
                routes = Collections.unmodifiableSortedMap(next);
            }
        }
        listeners.forEach(Runnable::run);
    }

    /** Adds a route that has no configuration (tests, benchmarks): keyed by its name. */
    public void add(RouteDefinition route) {
        apply("name:" + route.name(), Optional.empty(), Optional.of(route));
    }

    public void remove(String name) {
        withdraw("name:" + name);
    }

    /** Which of these configuration PIDs and file names have not been applied yet (validly or not). */
    public Set<String> notApplied(Set<String> pids, Set<String> files) {
        Set<String> missing = new java.util.TreeSet<>();
        synchronized (changes) {
            pids.stream().filter(p -> !appliedPids.contains(p)).forEach(missing::add);
            files.stream().filter(f -> !appliedFiles.contains(f)).forEach(missing::add);
        }
        return missing;
    }

    /** Called after every change (on the changing thread); must not block. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
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
    public List<Router.Target> targets(Envelope envelope, ClinicalEvent event) {
        Map<String, Router.Target> chosen = new LinkedHashMap<>();
        for (RouteDefinition r : routes.values()) {
            if (r.matches(envelope, event)) {
                for (String t : r.targets()) {
                    chosen.putIfAbsent(t, new Router.Target(r.name(), t, r.ordered()));
                }
            }
        }
        return chosen.isEmpty() ? List.of() : new ArrayList<>(chosen.values());
    }

    /** Targets for a message no codec maps: routes with {@code passthrough=true} whose sources match. */
    @Override
    public List<Router.Target> passthroughTargets(Envelope envelope) {
        Map<String, Router.Target> chosen = new LinkedHashMap<>();
        for (RouteDefinition r : routes.values()) {
            if (r.passthrough() && r.matchesSource(envelope)) {
                for (String t : r.targets()) {
                    chosen.putIfAbsent(t, new Router.Target(r.name(), t, r.ordered()));
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
