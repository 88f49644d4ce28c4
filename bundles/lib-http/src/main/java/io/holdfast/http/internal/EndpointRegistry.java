package io.holdfast.http.internal;

import io.holdfast.http.HttpEndpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard: every {@link HttpEndpoint} service with {@link HttpEndpoint#LISTENER} and
 * {@link HttpEndpoint#PATH}, looked up per request (an endpoint registered or removed while a
 * listener runs takes effect on the next request). Longest path wins; on a tie, the higher
 * {@code service.ranking}, then the older service.
 */
@Component(service = EndpointRegistry.class, immediate = true)
public class EndpointRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointRegistry.class);
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEndpoint(HttpEndpoint endpoint, Map<String, Object> props) {
        Object listener = props.get(HttpEndpoint.LISTENER);
        Object path = props.get(HttpEndpoint.PATH);
        long id = ((Number) props.getOrDefault("service.id", 0L)).longValue();
        if (listener == null || path == null || !path.toString().startsWith("/")) {
            LOG.warn("HTTP endpoint service {} ignored: it needs the properties {} and {} (starting with /), has {}={} {}={}",
                    id, HttpEndpoint.LISTENER, HttpEndpoint.PATH, HttpEndpoint.LISTENER, listener, HttpEndpoint.PATH, path);
            return;
        }
        add(new Route(listener.toString(), normalise(path.toString()), endpoint, maxBody(props.get(HttpEndpoint.MAX_BODY_BYTES)), id,
                props.get("service.ranking") instanceof Integer r ? r : 0));
    }

    void removeEndpoint(HttpEndpoint endpoint) {
        routes.removeIf(r -> r.endpoint() == endpoint);
    }

    /** Adds a route directly (tests, and the DS bind method above). */
    public void add(Route route) {
        routes.stream().filter(r -> r.listener().equals(route.listener()) && r.path().equals(route.path())).findFirst()
                .ifPresent(r -> LOG.warn("Two HTTP endpoints on listener {} path {} (services {} and {}): the higher ranking, then the older, serves",
                        route.listener(), route.path(), r.serviceId(), route.serviceId()));
        routes.add(route);
    }

    public Optional<Route> resolve(String listener, String path) {
        return routes.stream().filter(r -> r.listener().equals(listener) && r.matches(path)).min(precedence());
    }

    /** The routes of one listener, by path. */
    public List<Route> routes(String listener) {
        return routes.stream().filter(r -> r.listener().equals(listener)).sorted(Comparator.comparing(Route::path)).toList();
    }

    private static Comparator<Route> precedence() {
        return Comparator.comparingInt((Route r) -> -r.path().length()).thenComparingInt(r -> -r.ranking()).thenComparingLong(Route::serviceId);
    }

    private static String normalise(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static OptionalLong maxBody(Object value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim()));
        } catch (NumberFormatException e) {
            LOG.warn("HTTP endpoint property {}='{}' is not a number; the listener's cap applies", HttpEndpoint.MAX_BODY_BYTES, value);
            return OptionalLong.empty();
        }
    }
}
