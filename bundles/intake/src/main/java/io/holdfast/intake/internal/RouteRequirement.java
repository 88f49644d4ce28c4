package io.holdfast.intake.internal;

/**
 * What Intake requires of routing before it accepts (and so lets a connector acknowledge) a
 * message. Rejected messages (decode failures) need nothing: they are journaled and answered
 * negatively anyway. Duplicates and stale events need no route: nothing is delivered for them.
 */
public enum RouteRequirement {
    /**
     * Nothing: accept with or without routing (a journal-only kernel, e.g. a connector's plain-JVM
     * test fixture). An event no route matches is journaled and never delivered.
     */
    NONE,
    /**
     * Routing must be running (the Router and its outbox participant are registered); an event no
     * route matches is journaled and not delivered. Sandbox default.
     */
    ROUTING,
    /**
     * Routing must be running and every new or amended event must match a route (a message no codec
     * maps: a passthrough route): "ACK means routed". Production default.
     */
    ROUTE
}
