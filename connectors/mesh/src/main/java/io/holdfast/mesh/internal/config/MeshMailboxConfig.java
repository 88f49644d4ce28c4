package io.holdfast.mesh.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One MESH mailbox: factory PID {@code io.holdfast.mesh.mailbox~<id>}. */
@ObjectClassDefinition(name = "Holdfast MESH mailbox", description = "A MESH mailbox Holdfast polls and sends from")
public @interface MeshMailboxConfig {
    String PID = "io.holdfast.mesh.mailbox";
    long DEFAULT_CHUNK_SIZE = 75L * 1024 * 1024;
    long MAX_CHUNK_SIZE = 100L * 1000 * 1000;

    @AttributeDefinition(description = "MESH mailbox id, e.g. X26ABC1")
    String mailboxId();

    @AttributeDefinition(description = "Vault environment: dev, test, int or live")
    String environment() default "dev";

    @AttributeDefinition(description = "MESH base URL, e.g. https://msg.intspineservices.nhs.uk")
    String baseUrl();

    @AttributeDefinition(description = "Vault entry id holding the mailbox password (ORG_CREDENTIAL) and shared key (SECRET)")
    String credentialRef() default "";

    @AttributeDefinition(description = "Vault entry id of the mailbox's TLS client certificate (TLS_MUTUAL)")
    String tlsCredentialRef() default "";

    @AttributeDefinition(description = "Mailbox password in clear: sandbox and tests only, refused for live")
    String password() default "";

    @AttributeDefinition(description = "Environment shared key in clear: sandbox and tests only, refused for live")
    String sharedKey() default "";

    @AttributeDefinition(description = "Seconds between inbox polls")
    int pollIntervalSeconds() default 300;

    @AttributeDefinition(description = "Poll the inbox at all (false: send-only mailbox)")
    boolean pollEnabled() default true;

    @AttributeDefinition(description = "Workflow ids accepted from the inbox; empty accepts all")
    String[] workflowIds() default {};

    @AttributeDefinition(description = "Outbound chunk size in bytes (MESH allows at most 100 MB per request)")
    long chunkSizeBytes() default DEFAULT_CHUNK_SIZE;

    @AttributeDefinition(description = "Retries on 425, 429, 502, 503, 504 and dropped connections")
    int maxRetries() default 3;

    @AttributeDefinition(description = "Initial retry backoff in milliseconds (doubles per retry, with jitter)")
    int retryBackoffMillis() default 1000;

    @AttributeDefinition(description = "Outbound gzip: AUTO, ALWAYS or NEVER")
    String gzip() default "AUTO";

    @AttributeDefinition(description = "Inbox page size (max_results)")
    int pageSize() default 500;

    @AttributeDefinition(description = "Directory for downloads in progress (default: ${karaf.data}/holdfast/mesh)")
    String workDir() default "";

    @AttributeDefinition(description = "Format of the files: OPAQUE (kept and routed as files), or the format family of a content "
            + "codec (holdfast.format) that maps each file to clinical events, e.g. HL7V2:2.4")
    String wireFormat() default "OPAQUE";
}
