package ${package}.simulator.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The sandbox simulator ({@code etc/${package}.simulator.cfg}, shipped by feature ${connectorName}-sandbox). */
@ObjectClassDefinition(name = "${connectorName} simulator", description = "Simulated booking system for the sandbox")
public @interface SimulatorConfig {
    String PID = "${package}.simulator";

    @AttributeDefinition(description = "Bind address")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "HTTP port")
    int port() default 8791;

    @AttributeDefinition(description = "Sample appointments waiting in the outbox at start")
    int demoAppointments() default 3;

    @AttributeDefinition(description = "ODS code of the organisation issuing the sample appointment ids")
    String issuer() default "RXX01";
}
