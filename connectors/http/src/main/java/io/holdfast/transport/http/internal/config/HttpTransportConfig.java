package io.holdfast.transport.http.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The HTTP transport: PID {@code io.holdfast.transport.http}, file {@code etc/io.holdfast.transport.http.cfg}. */
@ObjectClassDefinition(name = "Holdfast HTTP transport",
        description = "Outbound delivery to inventory systems with transport HTTP (FHIR APIs and others)")
public @interface HttpTransportConfig {
    String PID = "io.holdfast.transport.http";

    @AttributeDefinition(description = "Seconds to establish a connection (TCP and TLS), 1-300")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(description = "Seconds from sending the request until the whole response is read, 1-600;"
            + " beyond it the attempt is a transient failure (retried with the same X-Request-ID)")
    int responseTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Most response-body bytes read, 1024-104857600 (default 1 MiB); the rest is never"
            + " read (the connection is dropped) and the outcome says the body was cut")
    int maxResponseBytes() default 1 << 20;

    @AttributeDefinition(description = "HTTP method when the route gives no http.method header: POST, PUT or PATCH")
    String defaultMethod() default "POST";

    @AttributeDefinition(description = "Most characters of a downstream error (OperationOutcome or body text) kept in a"
            + " failure reason, 200-20000; the whole capped body is journaled (encrypted) with the RESPONSE stage")
    int maxReasonChars() default 2000;
}
