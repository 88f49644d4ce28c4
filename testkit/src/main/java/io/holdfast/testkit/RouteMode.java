package io.holdfast.testkit;

/**
 * What Intake requires of routing before it accepts a message, as the {@code routeMode} of PID
 * {@code io.holdfast.intake} sets it in Karaf.
 */
public enum RouteMode {
    /** Accept whether or not a route matches: a journal-only kernel (no "ACK means routed" check). */
    JOURNAL_ONLY,
    /** Routing must run; an event no route matches is journaled and not delivered (sandbox default). */
    REQUIRE_ROUTING,
    /** Every new or amended event must match a route, or Intake refuses it (production default). */
    REQUIRE_ROUTE
}
