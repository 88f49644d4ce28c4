package io.holdfast.testkit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A route as a test describes it; the kernel validates it exactly as a
 * {@code etc/io.holdfast.route-<name>.cfg} file (same keys, same limits, same error text).
 * Defaults differ from the shipped ones only in the retry timing, which is short so a test that
 * provokes retries finishes quickly: 5 attempts, 20 ms first backoff, 100 ms longest.
 *
 * <pre>{@code TestRoute.named("adt-to-epr").to("epr").eventTypes("Admission").ordered(true)}</pre>
 */
public record TestRoute(String name, List<String> targets, Set<String> sources, Set<String> eventTypes, boolean ordered,
                        boolean passthrough, int maxAttempts, long initialBackoffMs, long maxBackoffMs, int outboxDepthLimit,
                        String filter, Map<String, String> headers) {

    public TestRoute {
        targets = List.copyOf(targets);
        sources = Set.copyOf(sources);
        eventTypes = Set.copyOf(eventTypes);
        headers = Map.copyOf(headers);
    }

    /** A route of every source and event type, with no targets yet (a route needs at least one). */
    public static TestRoute named(String name) {
        return new TestRoute(name, List.of(), Set.of("*"), Set.of("*"), false, false, 5, 20, 100, 10_000, "", Map.of());
    }

    public TestRoute to(String... systemIds) {
        return new TestRoute(name, List.of(systemIds), sources, eventTypes, ordered, passthrough, maxAttempts, initialBackoffMs,
                maxBackoffMs, outboxDepthLimit, filter, headers);
    }

    /** Source system ids or channels (e.g. {@code pas}, {@code mllp:adt-feed}). */
    public TestRoute sources(String... values) {
        return new TestRoute(name, targets, Set.of(values), eventTypes, ordered, passthrough, maxAttempts, initialBackoffMs,
                maxBackoffMs, outboxDepthLimit, filter, headers);
    }

    /** Canonical event type names (e.g. {@code Admission}). */
    public TestRoute eventTypes(String... values) {
        return new TestRoute(name, targets, sources, Set.of(values), ordered, passthrough, maxAttempts, initialBackoffMs,
                maxBackoffMs, outboxDepthLimit, filter, headers);
    }

    /** Per-patient ordered delivery: a failing event holds back later ones for the same patient and target. */
    public TestRoute ordered(boolean value) {
        return new TestRoute(name, targets, sources, eventTypes, value, passthrough, maxAttempts, initialBackoffMs,
                maxBackoffMs, outboxDepthLimit, filter, headers);
    }

    /** Also route messages no codec maps, as raw bytes. */
    public TestRoute passthrough(boolean value) {
        return new TestRoute(name, targets, sources, eventTypes, ordered, value, maxAttempts, initialBackoffMs,
                maxBackoffMs, outboxDepthLimit, filter, headers);
    }

    public TestRoute retry(int attempts, long firstBackoffMs, long longestBackoffMs) {
        return new TestRoute(name, targets, sources, eventTypes, ordered, passthrough, attempts, firstBackoffMs,
                longestBackoffMs, outboxDepthLimit, filter, headers);
    }

    public TestRoute outboxDepthLimit(int rows) {
        return new TestRoute(name, targets, sources, eventTypes, ordered, passthrough, maxAttempts, initialBackoffMs,
                maxBackoffMs, rows, filter, headers);
    }

    /** The route's {@code filter} key, e.g. {@code subject=nhs,attr.mesh.workflow=PATH_*}. */
    public TestRoute filter(String text) {
        return new TestRoute(name, targets, sources, eventTypes, ordered, passthrough, maxAttempts, initialBackoffMs,
                maxBackoffMs, outboxDepthLimit, text, headers);
    }

    /** Request headers for the targets' transports (e.g. {@code mllp.onAE=DEAD_LETTER}). */
    public TestRoute headers(Map<String, String> values) {
        return new TestRoute(name, targets, sources, eventTypes, ordered, passthrough, maxAttempts, initialBackoffMs,
                maxBackoffMs, outboxDepthLimit, filter, values);
    }

    /** The PID of the factory configuration this route stands for, as named in validation errors. */
    public String pid() {
        return "io.holdfast.route-" + name;
    }
}
