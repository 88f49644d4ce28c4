package io.holdfast.fhirendpoint.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of an inbound FHIR endpoint ({@code etc/io.holdfast.fhir.endpoint-<name>.cfg}); values are
 * validated by {@link EndpointSettings} from the raw properties.
 */
@ObjectClassDefinition(name = "Holdfast FHIR inbound endpoint", description = "One inbound FHIR R4 endpoint on a Holdfast HTTP listener")
public @interface FhirEndpointConfig {
    @AttributeDefinition(description = "HTTP listener name (etc/io.holdfast.http.listener-<name>.cfg)")
    String listener();

    @AttributeDefinition(description = "Base path, e.g. /fhir/r4: resources are POSTed to <path>/<Type>, Bundles to <path>")
    String path();

    @AttributeDefinition(description = "Authentication: mtls, bearer or apikey")
    String auth();

    @AttributeDefinition(description = "mtls: allowed subject DNs or SHA-256 fingerprints, separated by ; (DNs contain commas); empty = any certificate the listener trusts", required = false)
    String mtlsAllowed();

    @AttributeDefinition(description = "bearer: JWKS URL (or jwksFile)", required = false)
    String jwksUrl();

    @AttributeDefinition(description = "bearer: JWKS file (or jwksUrl)", required = false)
    String jwksFile();

    @AttributeDefinition(description = "bearer: required issuer (iss)", required = false)
    String jwtIssuer();

    @AttributeDefinition(description = "bearer: required audience (aud)", required = false)
    String jwtAudience();

    @AttributeDefinition(description = "bearer: allowed algorithms", required = false)
    String jwtAlgorithms() default "RS256,RS512,ES256";

    @AttributeDefinition(description = "apikey: header name")
    String apiKeyHeader() default "apikey";

    @AttributeDefinition(description = "apikey: name:sha256hex pairs, comma-separated (digests of the keys, never the keys)", required = false)
    String apiKeys();

    @AttributeDefinition(description = "Source system id journaled with each message (default: the endpoint name)", required = false)
    String sourceSystem();

    @AttributeDefinition(description = "Largest request body in bytes (413 above)")
    long maxBodyBytes() default 10485760;

    @AttributeDefinition(description = "How long a request waits for the durable commit before 503")
    String commitTimeout() default "PT30S";

    @AttributeDefinition(description = "Retry-After sent with 503")
    String retryAfter() default "PT5S";
}
