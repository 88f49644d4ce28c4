package io.holdfast.ers.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The e-RS connector: PID {@value #PID}, file {@code etc/io.holdfast.ers.cfg} (optional: the defaults work). */
@ObjectClassDefinition(name = "Holdfast e-RS", description = "NHS England e-Referral Service client (FHIR STU3 / R4)")
public @interface ErsConfig {
    String PID = "io.holdfast.ers";

    @AttributeDefinition(description = "Inventory id of the e-RS system (its endpoint is the FHIR base, e.g. "
            + "https://int.api.service.nhs.uk/referrals/FHIR; paths /STU3/... and /R4/... are appended)")
    String systemId() default "ers";

    @AttributeDefinition(description = "TCP connect timeout in seconds (1-60)")
    int connectTimeoutSeconds() default 5;

    @AttributeDefinition(description = "Whole-request timeout in seconds (1-300)")
    int requestTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Largest response body read in bytes (1024-67108864; e-RS answers up to 10 MB worklists)")
    int maxResponseBytes() default 10 << 20;

    @AttributeDefinition(description = "Attempts per call on 429, 5xx, 408 and timeouts, the first included (1-10)")
    int maxAttempts() default 3;

    @AttributeDefinition(description = "Longest wait before a retry in seconds, also when Retry-After asks for more (1-120)")
    int maxRetryWaitSeconds() default 10;
}
