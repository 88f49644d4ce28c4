package io.holdfast.simulator.mllp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Sandbox MLLP simulators ({@code etc/io.holdfast.simulator.mllp.cfg}). */
@ObjectClassDefinition(name = "Holdfast MLLP simulators", description = "EPR receiver and PAS feed generator for the sandbox")
public @interface MllpSimulatorConfig {
    @AttributeDefinition(description = "EPR receiver port (sandbox: 2576)")
    int eprPort() default 2576;

    @AttributeDefinition(description = "Bind address of the EPR receiver")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "EPR fault mode: NONE, SLOW_ACK, NO_ACK, AE, AR, DROP_CONNECTION")
    String eprFault() default "NONE";

    @AttributeDefinition(description = "Add the inventory system epr-sim (MLLP, HL7V2:2.4, auth NONE) for the sandbox route")
    boolean seedInventory() default true;

    @AttributeDefinition(description = "Play the PAS feed into a Holdfast listener")
    boolean feedEnabled() default false;

    @AttributeDefinition(description = "Host of the listener the feed is sent to")
    String feedHost() default "127.0.0.1";

    @AttributeDefinition(description = "Port of the listener the feed is sent to (sandbox adt-feed: 2575)")
    int feedPort() default 2575;

    @AttributeDefinition(description = "Messages per second")
    double feedRate() default 0.5;

    @AttributeDefinition(description = "Messages to send, then stop")
    int feedCount() default 200;
}
