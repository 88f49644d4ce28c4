package io.holdfast.routing.internal.route;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.Envelope;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A validated route. Built only through {@link #from}, so an active route is always a valid one. */
public record RouteDefinition(String name, Set<String> sources, Set<String> eventTypes, List<String> targets,
                              boolean ordered, boolean passthrough, RetryPolicy retry, int outboxDepthLimit,
                              RouteFilter filter, Map<String, String> headers) {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final String ID_ALLOWED = "1-128 characters of A-Z a-z 0-9 . _ : -";
    static final Pattern HEADER = Pattern.compile("([A-Za-z0-9._-]{1,64})=(.{0,256})");
    static final String HEADER_ALLOWED = "comma-separated name=value pairs: name of 1-64 characters of A-Z a-z 0-9 . _ -, value up to 256 "
            + "characters (e.g. mllp.onAE=DEAD_LETTER)";

    public RouteDefinition {
        sources = Set.copyOf(sources);
        eventTypes = Set.copyOf(eventTypes);
        targets = List.copyOf(targets);
        headers = Map.copyOf(headers);
    }

    /** True if an event from this envelope goes this way. */
    public boolean matches(Envelope envelope, ClinicalEvent event) {
        return matchesSource(envelope) && (eventTypes.contains("*") || eventTypes.contains(event.type()))
                && filter.test(envelope, event);
    }

    public boolean matchesSource(Envelope envelope) {
        return sources.contains("*") || sources.contains(envelope.sourceSystem()) || sources.contains(envelope.channel());
    }

    /**
     * Validates a configuration.
     *
     * @param pid  the configuration's PID, named in every error
     * @param name the route name (configured, or the factory configuration name)
     * @throws InvalidConfigurationException naming the key and what is allowed
     */
    public static RouteDefinition from(String pid, String name, RouteConfig c) {
        if (name == null || !ID.matcher(name).matches()) {
            throw new InvalidConfigurationException(pid, "name", ID_ALLOWED, "is '" + name + "'");
        }
        List<String> targets = ids(pid, "targets", c.targets());
        if (targets.isEmpty()) {
            throw new InvalidConfigurationException(pid, "targets", "one or more inventory system ids (" + ID_ALLOWED + ")",
                    "is missing");
        }
        Set<String> sources = nonBlank(pid, "sources", c.sources());
        Set<String> types = nonBlank(pid, "eventTypes", c.eventTypes());
        range(pid, "maxAttempts", c.maxAttempts(), 1, 1000);
        range(pid, "initialBackoffMs", c.initialBackoffMs(), 10, 3_600_000);
        range(pid, "maxBackoffMs", c.maxBackoffMs(), c.initialBackoffMs(), 86_400_000);
        range(pid, "outboxDepthLimit", c.outboxDepthLimit(), 1, 10_000_000);
        return new RouteDefinition(name, sources, types, targets, c.ordered(), c.passthrough(),
                new RetryPolicy(c.maxAttempts(), c.initialBackoffMs(), c.maxBackoffMs()), c.outboxDepthLimit(),
                RouteFilter.parse(pid, c.filter()), headers(pid, c.headers()));
    }

    /** Request headers the route gives its targets' transports (e.g. {@code mllp.onAE}); the request id header is reserved. */
    private static Map<String, String> headers(String pid, String[] values) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> pairs = new java.util.ArrayList<>();
        for (String v : values == null ? new String[0] : values) {
            // A .cfg file gives one string: pairs separated by commas (so values cannot contain one).
            Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(pairs::add);
        }
        for (String v : pairs) {
            Matcher m = HEADER.matcher(v);
            if (!m.matches()) {
                throw new InvalidConfigurationException(pid, "headers", HEADER_ALLOWED, "has '" + v + "'");
            }
            if (m.group(1).equalsIgnoreCase("X-Request-ID")) {
                throw new InvalidConfigurationException(pid, "headers", HEADER_ALLOWED + "; X-Request-ID is set by Holdfast",
                        "sets X-Request-ID");
            }
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static List<String> ids(String pid, String key, String[] values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values == null ? new String[0] : values) {
            for (String part : v.split(",")) {
                String id = part.trim();
                if (id.isEmpty()) {
                    continue;
                }
                if (!ID.matcher(id).matches()) {
                    throw new InvalidConfigurationException(pid, key, ID_ALLOWED, "has '" + id + "'");
                }
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    private static Set<String> nonBlank(String pid, String key, String[] values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values == null ? new String[0] : values) {
            Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        if (out.isEmpty()) {
            throw new InvalidConfigurationException(pid, key, "* or a list of names", "is empty");
        }
        return out;
    }

    private static void range(String pid, String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(pid, key, "an integer from " + min + " to " + max, "is " + value);
        }
    }
}
