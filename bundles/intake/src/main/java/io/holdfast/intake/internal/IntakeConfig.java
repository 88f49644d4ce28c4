package io.holdfast.intake.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Intake: {@code etc/io.holdfast.intake.cfg} (optional). */
@ObjectClassDefinition(name = "Holdfast intake", description = "What Intake requires before it accepts a message.")
public @interface IntakeConfig {
    String PID = "io.holdfast.intake";

    @AttributeDefinition(description = "require-route: every new event must match a route (ACK means routed); "
            + "require-routing: routing must run, unrouted events are journaled only; "
            + "auto: require-route in production, require-routing in sandbox (holdfast.mode)")
    String routeMode() default "auto";
}
