package io.holdfast.mesh.internal.transport;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
import io.holdfast.mesh.internal.config.MeshMailboxConfig;
import io.holdfast.mesh.internal.config.MeshMailboxSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailbox per factory configuration {@code io.holdfast.mesh.mailbox~<id>}: validates the
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

    private MeshMailboxSettings settings;
    private MeshClient client;
    private MeshUploader uploader;
    private MeshMailboxPoller poller;
    private ScheduledExecutorService executor;
    private String component;
    private volatile MailboxStatus status = new MailboxStatus(false, Optional.empty(), PollResult.NONE, Optional.empty(), 0);

    @Activate
    void activate(MeshMailboxConfig config, Map<String, Object> properties) {
        String pid = String.valueOf(properties.getOrDefault("service.pid", MeshMailboxConfig.PID));
        component = "mesh:" + config.mailboxId();
        try {
            settings = MeshMailboxSettings.from(pid, config, defaultWorkDir());
            requireResolvableCredentials(settings);
        } catch (InvalidConfigurationException e) {
            health.report(component, HealthState.DOWN, e.describe());
            LOG.error("{}", e.describe());
            throw e;
        }
        MeshEndpoint endpoint = new MeshEndpoint(settings.baseUrl(), settings.mailboxId(), settings.password().orElseThrow(),
                settings.sharedKey().orElseThrow().getBytes(StandardCharsets.UTF_8), Optional.empty());
        Backoff backoff = new Backoff(settings.maxRetries(), settings.retryBackoff(), Duration.ofMinutes(2));
        MeshHttp http = new MeshHttp(endpoint, MeshHttp.newClient(endpoint, Duration.ofSeconds(30)), Clock.systemUTC(), backoff,
                Duration.ofMinutes(10));
        client = new MeshClient(http);
        uploader = new MeshUploader(client, settings.chunkSize(), settings.gzip(), settings.workDir().resolve("outgoing"));
        poller = new MeshMailboxPoller(client, new DownloadState(settings.workDir()), intake, settings.workflowIds(),
                settings.wireFormat(), settings.pageSize(), INTAKE_TIMEOUT, Clock.systemUTC());
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "holdfast-mesh-" + settings.mailboxId()));
        if (settings.pollEnabled()) {
            executor.scheduleWithFixedDelay(this::pollQuietly, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            executor.execute(this::handshakeQuietly);
        }
        health.report(component, HealthState.UP, "mailbox " + settings.mailboxId() + " at " + settings.baseUrl());
    }

    // Until the credentials bundle offers MESH secrets to connectors, only the sandbox/test form works.
    private static void requireResolvableCredentials(MeshMailboxSettings s) {
        if (s.password().isEmpty() || s.sharedKey().isEmpty()) {
            throw new InvalidConfigurationException(s.pid(), "credentialRef", "password and sharedKey (sandbox/tests) for now",
                    "names vault entry '" + s.credentialRef().orElse("") + "', which this connector version cannot read yet");
        }
        if (s.tlsCredentialRef().isPresent()) {
            throw new InvalidConfigurationException(s.pid(), "tlsCredentialRef", "empty for now",
                    "is set, but TLS mutual auth from the vault is not wired into the MESH connector yet");
        }
    }

    private static Path defaultWorkDir() {
        return Path.of(System.getProperty("karaf.data", "data"), "holdfast", "mesh");
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
            boolean attention = r.failed() > 0 || r.skipped() > 0 || r.reports() > 0;
            health.report(component, attention ? HealthState.DEGRADED : HealthState.UP,
                    "last poll: " + r.listed() + " listed, " + r.delivered() + " delivered, " + r.reports() + " MESH error report(s), "
                            + r.skipped() + " left in inbox, " + r.failed() + " to retry");
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
    public MailboxStatus status() {
        return status;
    }
}
