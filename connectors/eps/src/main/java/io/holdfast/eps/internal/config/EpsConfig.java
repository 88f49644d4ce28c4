package io.holdfast.eps.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The EPS connector: PID {@value #PID}, file {@code etc/io.holdfast.eps.cfg}. */
@ObjectClassDefinition(name = "Holdfast EPS", description = "NHS England Electronic Prescription Service FHIR R4 client and route target")
public @interface EpsConfig {
    String PID = "io.holdfast.eps";

    @AttributeDefinition(description = "Inventory id of the EPS system used by the service and commands (its endpoint is the FHIR base, e.g. "
            + "https://int.api.service.nhs.uk/electronic-prescriptions/FHIR/R4)")
    String systemId() default "eps";

    @AttributeDefinition(description = "ODS code of the prescribing organisation for pharmacy orders that carry none (HL7 RDE^O11); "
            + "empty: such orders are dead-lettered with that reason")
    String prescriberOdsCode() default "";

    @AttributeDefinition(description = "TCP connect timeout in seconds (1-60)")
    int connectTimeoutSeconds() default 5;

    @AttributeDefinition(description = "Whole-request timeout in seconds (1-300)")
    int requestTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Largest response body read in bytes (1024-67108864)")
    int maxResponseBytes() default 4 << 20;

    @AttributeDefinition(description = "Attempts per direct call on 429, 5xx, 408 and timeouts, the first included (1-10); "
            + "outbox deliveries are retried by the route instead")
    int maxAttempts() default 3;

    @AttributeDefinition(description = "Longest wait before a retry of a direct call in seconds, also when Retry-After asks for more (1-120)")
    int maxRetryWaitSeconds() default 10;
}
