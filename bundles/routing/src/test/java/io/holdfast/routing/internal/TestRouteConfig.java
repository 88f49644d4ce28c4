package io.holdfast.routing.internal;

import io.holdfast.routing.internal.route.RouteConfig;
import java.lang.annotation.Annotation;

/** A route configuration built in code, as ConfigAdmin would hand it to the component. */
public final class TestRouteConfig implements RouteConfig {
    public String name = "";
    public String[] sources = {"*"};
    public String[] eventTypes = {"*"};
    public String[] targets = {};
    public boolean ordered;
    public boolean passthrough;
    public int maxAttempts = 5;
    public long initialBackoffMs = 20;
    public long maxBackoffMs = 100;
    public int outboxDepthLimit = 10_000;
    public String filter = "";
    public String[] headers = {};

    public static TestRouteConfig to(String... targets) {
        TestRouteConfig c = new TestRouteConfig();
        c.targets = targets;
        return c;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return RouteConfig.class;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String[] sources() {
        return sources;
    }

    @Override
    public String[] eventTypes() {
        return eventTypes;
    }

    @Override
    public String[] targets() {
        return targets;
    }

    @Override
    public boolean ordered() {
        return ordered;
    }

    @Override
    public boolean passthrough() {
        return passthrough;
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public long initialBackoffMs() {
        return initialBackoffMs;
    }

    @Override
    public long maxBackoffMs() {
        return maxBackoffMs;
    }

    @Override
    public int outboxDepthLimit() {
        return outboxDepthLimit;
    }

    @Override
    public String filter() {
        return filter;
    }

    @Override
    public String[] headers() {
        return headers;
    }
}
