package io.holdfast.pds.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The PDS connector: PID {@value #PID}, file {@code etc/io.holdfast.pds.cfg}. */
@ObjectClassDefinition(name = "Holdfast PDS", description = "NHS England Personal Demographics Service FHIR R4 client")
public @interface PdsConfig {
    String PID = "io.holdfast.pds";

    @AttributeDefinition(description = "Inventory id of the PDS system (its endpoint is the FHIR base URL, e.g. "
            + "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4; auth pattern OAUTH2_SIGNED_JWT)")
    String systemId() default "pds";

    @AttributeDefinition(description = "Requests per second to PDS per application, shared by every caller in this JVM (1-100; NHS England allows about 5)")
    int tps() default 5;

    @AttributeDefinition(description = "Seconds an unrestricted record may be served from memory (0 = no cache; at most 86400). Use only within your IG-approved retention")
    int cacheTtlSeconds() default 0;

    @AttributeDefinition(description = "Most records held in the cache (1-1000000); least recently used go first")
    int cacheMaxEntries() default 10_000;

    @AttributeDefinition(description = "TCP connect timeout in seconds (1-60)")
    int connectTimeoutSeconds() default 5;

    @AttributeDefinition(description = "Whole-request timeout in seconds (1-120)")
    int requestTimeoutSeconds() default 15;

    @AttributeDefinition(description = "Largest response body read in bytes (1024-67108864)")
    int maxResponseBytes() default 1 << 20;

    @AttributeDefinition(description = "Attempts per call on 429, 5xx, 408 and timeouts, the first included (1-10)")
    int maxAttempts() default 3;

    @AttributeDefinition(description = "Longest wait before a retry in seconds, also when Retry-After asks for more (1-120)")
    int maxRetryWaitSeconds() default 10;

    @AttributeDefinition(description = "Longest wait for a rate-limit slot in seconds before the call fails as TOO_MANY_REQUESTS (1-300)")
    int rateWaitSeconds() default 30;
}
