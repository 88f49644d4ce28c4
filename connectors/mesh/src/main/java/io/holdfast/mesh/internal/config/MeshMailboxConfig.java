package io.holdfast.mesh.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One MESH mailbox: factory PID {@code io.holdfast.mesh.mailbox}, file {@code etc/io.holdfast.mesh.mailbox-<name>.cfg}. */
@ObjectClassDefinition(name = "Holdfast MESH mailbox", description = "A MESH mailbox Holdfast polls and sends from")
public @interface MeshMailboxConfig {
    String PID = "io.holdfast.mesh.mailbox";
    long DEFAULT_CHUNK_SIZE = 75L * 1024 * 1024;
    long MAX_CHUNK_SIZE = 100L * 1000 * 1000;
    /** 1 GiB: far above ordinary clinical MESH traffic, 1/20 of MESH's 20 GB ceiling; raise it for a known bulk feed. */
    long DEFAULT_MAX_MESSAGE_BYTES = 1L << 30;
    /** MESH's largest message (20 GB) in its largest chunks (100 MB) is 200 chunks: a compliant sender never needs more. */
    int DEFAULT_MAX_CHUNKS = 200;
    /** Text and CSV gzip 5-30:1; a zip bomb 1000:1 and more. */
    int DEFAULT_MAX_GZIP_RATIO = 100;
    /** Kept free on the work folder's disk beyond a download's own needs, so a download never fills the disk Holdfast runs on. */
    long DEFAULT_MIN_FREE_DISK_BYTES = 512L << 20;

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

    @AttributeDefinition(description = "Workflow ids accepted from the inbox; * accepts all; empty accepts nothing (messages stay in the inbox)")
    String[] workflowIds() default {};

    @AttributeDefinition(description = "Outbound chunk size in bytes (MESH allows at most 100 MB per request)")
    long chunkSizeBytes() default DEFAULT_CHUNK_SIZE;

    @AttributeDefinition(description = "Retries on 425, 429, 502, 503, 504 and dropped connections")
    int maxRetries() default 3;

    @AttributeDefinition(description = "Initial retry backoff in milliseconds (doubles per retry, with jitter)")
    int retryBackoffMillis() default 1000;

    @AttributeDefinition(description = "Outbound gzip: AUTO, ALWAYS or NEVER")
    String gzip() default "AUTO";

    @AttributeDefinition(description = "Inbox page size (max_results, 10 to 5000 as MESH accepts)")
    int pageSize() default 500;

    @AttributeDefinition(description = "Largest inbound message in bytes, on the wire and after gunzip; a larger one stays in the inbox with an alert")
    long maxMessageBytes() default DEFAULT_MAX_MESSAGE_BYTES;

    @AttributeDefinition(description = "Most chunks an inbound message may have; one with more stays in the inbox with an alert")
    int maxChunks() default DEFAULT_MAX_CHUNKS;

    @AttributeDefinition(description = "Largest gunzipped size / compressed size of an inbound message; above it the message stays in the inbox with an alert")
    int maxGzipRatio() default DEFAULT_MAX_GZIP_RATIO;

    @AttributeDefinition(description = "Bytes that must stay free on the work folder's disk beyond what a download needs; else the download waits with an alert")
    long minFreeDiskBytes() default DEFAULT_MIN_FREE_DISK_BYTES;

    @AttributeDefinition(description = "Seconds before MESH tracking of a sent message is first asked again; doubles per answer up to trackingMaxIntervalSeconds")
    int trackingIntervalSeconds() default 60;

    @AttributeDefinition(description = "Ceiling of the tracking interval in seconds")
    int trackingMaxIntervalSeconds() default 3600;

    @AttributeDefinition(description = "Format of the files: OPAQUE (kept and routed as files), or the format family of a content "
            + "codec (holdfast.format) that maps each file to clinical events, e.g. HL7V2:2.4")
    String wireFormat() default "OPAQUE";
}
