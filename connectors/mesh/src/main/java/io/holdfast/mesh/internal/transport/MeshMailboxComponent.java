package io.holdfast.mesh.internal.transport;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.OrgCredentialSource;
import io.holdfast.api.kernel.TlsMaterialSource;
import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.Codec;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.mesh.internal.config.MeshMailboxConfig;
import io.holdfast.mesh.internal.config.MeshMailboxSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailbox per factory configuration {@code io.holdfast.mesh.mailbox} (file
 * {@code etc/io.holdfast.mesh.mailbox-<name>.cfg}): validates the
 * configuration at activation (an invalid one fails the component with a {@code holdfast:status}
 * entry), then handshakes and polls on its own thread.
 */
@Component(configurationPid = MeshMailboxConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = MeshMailbox.class,
        immediate = true)
@Designate(ocd = MeshMailboxConfig.class, factory = true)
public class MeshMailboxComponent implements MeshMailbox {
    private static final Logger LOG = LoggerFactory.getLogger(MeshMailboxComponent.class);
    private static final Duration INTAKE_TIMEOUT = Duration.ofMinutes(5);

    @Reference
    Intake intake;

    @Reference
    Health health;

    @Reference
    Alerts alerts;

    @Reference
    WorkFiles workFiles;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    OrgCredentialSource orgCredentials;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    TlsMaterialSource tlsMaterial;

    /** Content codecs by format family ({@code holdfast.format}); a mailbox with a non-OPAQUE wireFormat uses one. */
    private final Map<String, Codec<?>> codecs = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindCodec(Codec<?> codec, Map<String, Object> properties) {
        codecs.put(Codec.family(codec, properties), codec);
    }

    void unbindCodec(Codec<?> codec, Map<String, Object> properties) {
        codecs.remove(Codec.family(codec, properties), codec);
    }

    private MeshMailboxSettings settings;
    private MeshClient client;
    private MeshUploader uploader;
    private MeshMailboxPoller poller;
    private TrackingSchedule tracking;
    private int credentialVersion;
    private Optional<String> tlsFingerprint = Optional.empty();
    /** The tracking schedule's clock; tests move it. */
    Clock trackingClock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private String component;
    private volatile MailboxStatus status = new MailboxStatus(false, Optional.empty(), PollResult.NONE, Optional.empty(), 0);

    @Activate
    void activate(MeshMailboxConfig config, Map<String, Object> properties) {
        String pid = String.valueOf(properties.getOrDefault("service.pid", MeshMailboxConfig.PID));
        component = "mesh:" + config.mailboxId();
        MeshEndpoint endpoint;
        try {
            settings = MeshMailboxSettings.from(pid, config);
            endpoint = endpoint(settings);
        } catch (HoldfastException e) {
            health.report(component, HealthState.DOWN, e.describe());
            LOG.error("{}", e.describe());
            throw e;
        }
        Backoff backoff = new Backoff(settings.maxRetries(), settings.retryBackoff(), Duration.ofMinutes(2));
        MeshHttp http = new MeshHttp(endpoint, MeshHttp.newClient(endpoint, Duration.ofSeconds(30)), Clock.systemUTC(), backoff,
                Duration.ofMinutes(10));
        client = new MeshClient(http);
        uploader = new MeshUploader(client, settings.chunkSize(), settings.gzip(), workFiles, settings.workOwner());
        poller = new MeshMailboxPoller(client, new DownloadState(workFiles, settings.workOwner()), intake,
                new MeshMailboxPoller.InboxPolicy(settings.workflows(), settings.pageSize(), settings.limits()), settings.wireFormat(),
                family -> Optional.ofNullable(codecs.get(family)), INTAKE_TIMEOUT, Clock.systemUTC(),
                new InboundAlerts(alerts, settings.mailboxId()));
        tracking = new TrackingSchedule(settings.trackingInterval(), settings.trackingMaxInterval(), trackingClock);
        if (settings.pollEnabled() && settings.workflows().acceptsNothing()) {
            LOG.warn("MESH {}: accepts no workflow (workflowIds is empty), so nothing is collected from its inbox; set workflowIds "
                    + "to the workflow ids to collect, or * for all ({})", settings.mailboxId(), pid);
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "holdfast-mesh-" + settings.mailboxId()));
        if (settings.pollEnabled()) {
            executor.scheduleWithFixedDelay(this::pollQuietly, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            executor.execute(this::handshakeQuietly);
        }
        health.report(component, HealthState.UP, "mailbox " + settings.mailboxId() + " at " + settings.baseUrl() + acceptsNote());
    }

    /**
     * Mailbox password and shared key from the vault entry {@code credentialRef} (ORG_CREDENTIAL whose
     * user name is the mailbox id, with the environment's shared key as SECRET), else the sandbox/test
     * values in clear; the TLS client context from {@code tlsCredentialRef}. Read at activation: a
     * rotated credential takes effect when the mailbox configuration is updated.
     */
    private MeshEndpoint endpoint(MeshMailboxSettings s) {
        String password;
        byte[] sharedKey;
        if (s.credentialRef().isPresent()) {
            OrgCredentialSource source = require(orgCredentials, s, "credentialRef");
            OrgCredentialSource.OrgCredential cred = source.forEntry(s.environment(), s.credentialRef().get());
            try {
                if (!cred.username().equalsIgnoreCase(s.mailboxId()) || cred.sharedSecret().isEmpty()) {
                    throw new InvalidConfigurationException(s.pid(), "credentialRef",
                            "a vault entry whose ORG_CREDENTIAL user is " + s.mailboxId() + " and which holds the shared key as SECRET",
                            "names entry '" + s.credentialRef().get() + "' (" + cred.identity().describe() + ") which does not");
                }
                password = new String(cred.password());
                sharedKey = new String(cred.sharedSecret().get()).getBytes(StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(cred.password(), '\0');
                cred.sharedSecret().ifPresent(k -> Arrays.fill(k, '\0'));
            }
            credentialVersion = cred.identity().version();
            LOG.info("MESH {}: credentials from vault entry {}", s.mailboxId(), cred.identity().describe());
        } else {
            password = s.password().orElseThrow();
            sharedKey = s.sharedKey().orElseThrow().getBytes(StandardCharsets.UTF_8);
        }
        Optional<SSLContext> tls = Optional.empty();
        if (s.tlsCredentialRef().isPresent()) {
            AuthMaterial.Tls material = require(tlsMaterial, s, "tlsCredentialRef").forEntry(s.environment(), s.tlsCredentialRef().get());
            tls = Optional.of(material.sslContext());
            tlsFingerprint = material.identity().fingerprint();
            LOG.info("MESH {}: TLS client certificate {}", s.mailboxId(), material.identity().describe());
        }
        return new MeshEndpoint(s.baseUrl(), s.mailboxId(), password, sharedKey, tls);
    }

    private static <T> T require(T service, MeshMailboxSettings s, String key) {
        if (service == null) {
            throw new InvalidConfigurationException(s.pid(), key, "a vault entry id, with holdfast-credentials running",
                    "is set but the credentials service is not available");
        }
        return service;
    }

    /** Said in every health line of a polling mailbox that accepts nothing, so the reason for a full inbox is in holdfast:status. */
    private String acceptsNote() {
        return settings.pollEnabled() && settings.workflows().acceptsNothing()
                ? "; accepts no workflow (workflowIds is empty): nothing is collected, set workflowIds (or *)" : "";
    }

    @Deactivate
    void deactivate() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        health.remove(component);
    }

    private boolean handshakeQuietly() {
        try {
            client.handshake();
            return true;
        } catch (HoldfastException e) {
            record(false, PollResult.NONE, Optional.of(e.describe()));
            health.report(component, HealthState.DEGRADED, "handshake failed: " + e.describe());
            return false;
        }
    }

    private void pollQuietly() {
        try {
            doPoll();
        } catch (RuntimeException e) {
            LOG.warn("MESH {}: poll failed: {}", settings.mailboxId(), e.toString());
        }
    }

    private PollResult doPoll() {
        if (!status.handshakeOk() && !handshakeQuietly()) {
            return PollResult.NONE;
        }
        try {
            PollResult r = poller.pollOnce();
            record(true, r, Optional.empty());
            // An error report means a message this mailbox sent was not delivered: an alert for the operator.
            boolean attention = r.failed() > 0 || r.skipped() > 0 || r.reports() > 0 || r.limited() > 0;
            health.report(component, attention ? HealthState.DEGRADED : HealthState.UP,
                    "last poll: " + r.listed() + " listed, " + r.delivered() + " delivered, " + r.reports() + " MESH error report(s), "
                            + r.skipped() + " left in inbox, " + r.limited() + " refused by a limit or disk space, " + r.failed()
                            + " to retry" + acceptsNote());
            return r;
        } catch (HoldfastException e) {
            record(true, PollResult.NONE, Optional.of(e.describe()));
            health.report(component, HealthState.DEGRADED, "poll failed: " + e.describe());
            throw e;
        }
    }

    private void record(boolean handshakeOk, PollResult r, Optional<String> error) {
        int pending;
        try {
            pending = poller.state().pending().size();
        } catch (IOException e) {
            pending = -1;
        }
        status = new MailboxStatus(handshakeOk, Optional.of(Instant.now()), r, error, pending);
    }

    @Override
    public PollResult pollNow() {
        try {
            return executor.submit(this::doPoll).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public MeshMailboxSettings settings() {
        return settings;
    }

    @Override
    public MeshClient client() {
        return client;
    }

    @Override
    public MeshUploader uploader() {
        return uploader;
    }

    @Override
    public CredentialIdentity senderIdentity() {
        return new CredentialIdentity("mesh:" + settings.mailboxId(), credentialVersion, tlsFingerprint, Optional.empty());
    }

    @Override
    public TrackingSchedule tracking() {
        return tracking;
    }

    @Override
    public MailboxStatus status() {
        return status;
    }
}
