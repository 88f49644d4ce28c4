package io.holdfast.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of an HTTP listener ({@code etc/io.holdfast.http.listener-<name>.cfg}). Values are validated
 * by {@link ListenerSettings} from the raw properties, so a typo fails activation naming the PID and
 * key instead of turning into a default. Durations: milliseconds or ISO-8601 ({@code PT30S}).
 */
@ObjectClassDefinition(name = "Holdfast HTTP listener", description = "One HTTP/1.1 listener for Holdfast endpoints (FHIR, admin REST)")
public @interface HttpListenerConfig {
    @AttributeDefinition(description = "Listener name (endpoints name it in holdfast.http.listener); default: from the file name", required = false)
    String name();

    @AttributeDefinition(description = "TCP port (0-65535, required; 0 picks a free port)")
    int port();

    @AttributeDefinition(description = "Address to bind; loopback unless set. 0.0.0.0 or :: only when written here")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "Vault entry id whose active KEY_PAIR (and TRUST_ANCHORS) serve TLS; empty = plain HTTP", required = false)
    String tlsCredential();

    @AttributeDefinition(description = "Vault environment of tlsCredential")
    String tlsEnvironment() default "live";

    @AttributeDefinition(description = "Client certificates: none, want or need (mutual TLS); needs tlsCredential")
    String clientAuth() default "none";

    @AttributeDefinition(description = "Largest request body (bytes); larger requests get 413 before the rest is read")
    long maxBodyBytes() default 10485760;

    @AttributeDefinition(description = "Largest request header block (bytes, 1024-1048576); larger gets 431")
    int maxHeaderBytes() default 16384;

    @AttributeDefinition(description = "Open connections (1-100000); further connections are closed on accept")
    int maxConnections() default 256;

    @AttributeDefinition(description = "A connection with no request for this long is closed; 0 disables")
    String idleTimeout() default "PT60S";

    @AttributeDefinition(description = "A request's head and body must arrive within this long of its start (slow senders get 408); 0 disables")
    String requestTimeout() default "PT30S";

    @AttributeDefinition(description = "Threads that run endpoints (1-512); endpoints may block on durable commits")
    int workerThreads() default 8;

    @AttributeDefinition(description = "Requests waiting for a worker (1-100000); beyond this 503 with Retry-After")
    int workerQueue() default 128;
}
