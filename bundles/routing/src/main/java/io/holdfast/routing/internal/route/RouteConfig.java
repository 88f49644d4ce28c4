package io.holdfast.routing.internal.route;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One route: {@code etc/io.holdfast.route-<name>.cfg} (Karaf's file installer takes the factory
 * configuration name after the {@code -}). Targets' transport, format and auth come from the inventory.
 */
@ObjectClassDefinition(name = "Holdfast route", description = "Which sources and event types go to which inventory systems.")
public @interface RouteConfig {
    String PID = "io.holdfast.route";

    @AttributeDefinition(description = "Route name; defaults to the configuration name (io.holdfast.route-<name>.cfg)")
    String name() default "";

    @AttributeDefinition(description = "Source system ids or channels (e.g. pas, mllp:adt-feed); * for any")
    String[] sources() default {"*"};

    @AttributeDefinition(description = "Canonical event types (e.g. Admission, Discharge); * for any")
    String[] eventTypes() default {"*"};

    @AttributeDefinition(description = "Inventory system ids to deliver to (required)")
    String[] targets() default {};

    @AttributeDefinition(description = "Deliver per patient in order: a failing event blocks later ones for the same patient and target")
    boolean ordered() default false;

    @AttributeDefinition(description = "Also route unmapped messages (no codec model) as raw bytes")
    boolean passthrough() default false;

    @AttributeDefinition(description = "Delivery attempts before a row goes to dead letter (1-1000)")
    int maxAttempts() default 10;

    @AttributeDefinition(description = "First retry delay in milliseconds (10-3600000); doubles per attempt, with jitter")
    long initialBackoffMs() default 1000;

    @AttributeDefinition(description = "Longest retry delay in milliseconds (>= initialBackoffMs, <= 86400000)")
    long maxBackoffMs() default 300_000;

    @AttributeDefinition(description = "Outbox rows per target at which Intake refuses new input for this route (1-10000000)")
    int outboxDepthLimit() default 10_000;

    @AttributeDefinition(description = "Request headers for the targets' transports, name=value (e.g. mllp.onAE=DEAD_LETTER: "
            + "an HL7 AE goes to dead letter instead of being retried; mex-WorkflowID=<id> for a MESH target)")
    String[] headers() default {};

    @AttributeDefinition(description = "Optional filter: comma-separated key=value or key!=value; keys source, channel, "
            + "format, subject (nhs|local|none), attr.<name>; a trailing * matches a prefix")
    String filter() default "";
}
