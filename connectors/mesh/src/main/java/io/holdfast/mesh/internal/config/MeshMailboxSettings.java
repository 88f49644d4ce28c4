package io.holdfast.mesh.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.message.WireFormat;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A validated mailbox configuration. Built only through {@link #from}, which names the PID and key of any error. */
public record MeshMailboxSettings(String pid, String mailboxId, String environment, URI baseUrl, Optional<String> credentialRef,
                                  Optional<String> tlsCredentialRef, Optional<String> password, Optional<String> sharedKey,
                                  Duration pollInterval, boolean pollEnabled, WorkflowFilter workflows, long chunkSize,
                                  int maxRetries, Duration retryBackoff, GzipPolicy gzip, int pageSize, InboundLimits limits,
                                  Duration trackingInterval, Duration trackingMaxInterval, WireFormat wireFormat) {
    static final Set<String> ENVIRONMENTS = Set.of("dev", "test", "int", "live");
    private static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9]{3,20}");

    /** The inbox page sizes ({@code max_results}) MESH API v2 accepts. */
    public static final int MIN_PAGE_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 5000;

    public static MeshMailboxSettings from(String pid, MeshMailboxConfig c) {
        String mailbox = require(pid, "mailboxId", c.mailboxId(), "3 to 20 letters or digits, e.g. X26ABC1");
        if (!MAILBOX.matcher(mailbox).matches()) {
            throw new InvalidConfigurationException(pid, "mailboxId", "3 to 20 letters or digits, e.g. X26ABC1", "is '" + mailbox + "'");
        }
        String env = c.environment().trim().toLowerCase(Locale.ROOT);
        if (!ENVIRONMENTS.contains(env)) {
            throw new InvalidConfigurationException(pid, "environment", String.join(", ", ENVIRONMENTS.stream().sorted().toList()),
                    "is '" + c.environment() + "'");
        }
        URI base = baseUrl(pid, require(pid, "baseUrl", c.baseUrl(), "an http(s) URL"));
        Optional<String> password = optional(c.password());
        Optional<String> sharedKey = optional(c.sharedKey());
        Optional<String> credentialRef = optional(c.credentialRef());
        if (credentialRef.isEmpty() && (password.isEmpty() || sharedKey.isEmpty())) {
            throw new InvalidConfigurationException(pid, "credentialRef", "a vault entry id (or password and sharedKey for sandbox/tests)",
                    "is missing");
        }
        if (env.equals("live") && (password.isPresent() || sharedKey.isPresent())) {
            throw new InvalidConfigurationException(pid, "password", "empty for live: use credentialRef",
                    "holds a secret in clear for a live mailbox");
        }
        if (env.equals("live") && !base.getScheme().equals("https")) {
            throw new InvalidConfigurationException(pid, "baseUrl", "https for live", "is " + base.getScheme());
        }
        range(pid, "pollIntervalSeconds", c.pollIntervalSeconds(), 1, 86_400);
        range(pid, "chunkSizeBytes", c.chunkSizeBytes(), 1024, MeshMailboxConfig.MAX_CHUNK_SIZE);
        range(pid, "maxRetries", c.maxRetries(), 0, 20);
        range(pid, "retryBackoffMillis", c.retryBackoffMillis(), 1, 600_000);
        range(pid, "pageSize", c.pageSize(), MIN_PAGE_SIZE, MAX_PAGE_SIZE);
        range(pid, "maxMessageBytes", c.maxMessageBytes(), 1024, 20L * 1000 * 1000 * 1000);
        range(pid, "maxChunks", c.maxChunks(), 1, 10_000);
        range(pid, "maxGzipRatio", c.maxGzipRatio(), 1, 100_000);
        range(pid, "minFreeDiskBytes", c.minFreeDiskBytes(), 0, Long.MAX_VALUE / 4);
        range(pid, "trackingIntervalSeconds", c.trackingIntervalSeconds(), 1, 86_400);
        range(pid, "trackingMaxIntervalSeconds", c.trackingMaxIntervalSeconds(), c.trackingIntervalSeconds(), 7 * 86_400);
        GzipPolicy gzip;
        try {
            gzip = GzipPolicy.valueOf(c.gzip().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(pid, "gzip", "AUTO, ALWAYS, NEVER", "is '" + c.gzip() + "'");
        }
        InboundLimits limits = new InboundLimits(c.maxMessageBytes(), c.maxChunks(), c.maxGzipRatio(), c.minFreeDiskBytes());
        return new MeshMailboxSettings(pid, mailbox.toUpperCase(Locale.ROOT), env, base, credentialRef, optional(c.tlsCredentialRef()),
                password, sharedKey, Duration.ofSeconds(c.pollIntervalSeconds()), c.pollEnabled(), WorkflowFilter.of(c.workflowIds()),
                c.chunkSizeBytes(), c.maxRetries(), Duration.ofMillis(c.retryBackoffMillis()), gzip, c.pageSize(), limits,
                Duration.ofSeconds(c.trackingIntervalSeconds()), Duration.ofSeconds(c.trackingMaxIntervalSeconds()),
                WireFormat.parse(c.wireFormat().isBlank() ? WireFormat.OPAQUE : c.wireFormat()));
    }

    public boolean accepts(String workflowId) {
        return workflows.accepts(workflowId);
    }

    /** The folder owner name of this mailbox's work files. */
    public String workOwner() {
        return "mesh-" + mailboxId;
    }

    private static URI baseUrl(String pid, String text) {
        try {
            URI u = URI.create(text.trim());
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(pid, "baseUrl", "an http(s) URL", "is '" + text + "'");
        }
    }

    private static String require(String pid, String key, String value, String allowed) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(pid, key, allowed, "is missing");
        }
        return value.trim();
    }

    private static Optional<String> optional(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static void range(String pid, String key, long v, long min, long max) {
        if (v < min || v > max) {
            throw new InvalidConfigurationException(pid, key, min + ".." + max, "is " + v);
        }
    }

    @Override
    public String toString() {
        return "MeshMailboxSettings[" + pid + ", " + mailboxId + " @ " + baseUrl + ", " + environment + "]";
    }
}
