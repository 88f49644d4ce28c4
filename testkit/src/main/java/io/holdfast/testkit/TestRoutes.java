package io.holdfast.testkit;

import io.holdfast.routing.internal.route.RouteConfig;
import io.holdfast.routing.internal.route.RouteDefinition;
import java.util.HashMap;
import java.util.Map;

/** Turns a {@link TestRoute} into the configuration a route file would give, validated by the routing bundle itself. */
final class TestRoutes {
    private TestRoutes() {
    }

    static RouteDefinition definition(TestRoute r) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", r.name());
        values.put("targets", r.targets().toArray(String[]::new));
        values.put("sources", r.sources().toArray(String[]::new));
        values.put("eventTypes", r.eventTypes().toArray(String[]::new));
        values.put("ordered", r.ordered());
        values.put("passthrough", r.passthrough());
        values.put("maxAttempts", r.maxAttempts());
        values.put("initialBackoffMs", r.initialBackoffMs());
        values.put("maxBackoffMs", r.maxBackoffMs());
        values.put("outboxDepthLimit", r.outboxDepthLimit());
        values.put("filter", r.filter());
        values.put("headers", r.headers().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        return RouteDefinition.from(r.pid(), r.name(), ConfigProxies.of(RouteConfig.class, values));
    }
}
