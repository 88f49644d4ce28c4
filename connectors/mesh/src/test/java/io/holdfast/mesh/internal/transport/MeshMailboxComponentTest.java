package io.holdfast.mesh.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.OrgCredentialSource;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.mesh.internal.config.MeshMailboxConfig;
import io.holdfast.simulator.mesh.MeshFaults.Fault;
import io.holdfast.simulator.mesh.MeshFaults.Operation;
import io.holdfast.simulator.mesh.MeshSimulator;
import io.holdfast.testkit.MutableClock;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS components wired by hand: two mailboxes, the outbound transport, the real kernel, the simulator. */
class MeshMailboxComponentTest {
    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.now());
    MutableClock trackingClock = new MutableClock(Instant.now());
    MeshSimulator sim;
    MeshKernelFixture kernel;
    Health health;
    MeshMailboxComponent sender;
    MeshMailboxComponent recipient;
    MeshOutboundTransport transport = new MeshOutboundTransport();

    @BeforeEach
    void start() {
        sim = MeshSimulator.builder().dataDir(dir.resolve("sim")).clock(clock).mailbox("X26ABC1", "password")
                .mailbox("X26ABC2", "password").mailbox("X26ABC3", "password").start();
        kernel = new MeshKernelFixture(dir.resolve("kernel"));
        health = kernel.health;
        sender = mailbox("X26ABC1", Map.of("pollEnabled", false));
        // Polled by the test (pollNow) so the poll does not race the send.
        recipient = mailbox("X26ABC2", Map.of("pollEnabled", false));
        transport.mailboxes.add(sender);
    }

    @AfterEach
    void stop() {
        sender.deactivate();
        recipient.deactivate();
        kernel.close();
        sim.close();
    }

    MeshMailboxComponent mailbox(String id, Map<String, Object> extra) {
        return mailbox(id, extra, null);
    }

    MeshMailboxComponent mailbox(String id, Map<String, Object> extra, OrgCredentialSource vault) {
        Map<String, Object> v = new HashMap<>(Map.of("mailboxId", id, "baseUrl", sim.baseUrl(), "password", "password",
                "sharedKey", "TestKey", "chunkSizeBytes", 4096L, "retryBackoffMillis", 5, "workflowIds", new String[] {"*"}));
        v.putAll(extra);
        MeshMailboxComponent c = new MeshMailboxComponent();
        c.intake = kernel.intake;
        c.health = health;
        c.alerts = kernel.alerts;
        c.workFiles = kernel.files;
        c.trackingClock = trackingClock;
        c.orgCredentials = vault;
        c.activate(config(v), Map.of("service.pid", MeshMailboxConfig.PID + "." + id.toLowerCase()));
        return c;
    }

    static MeshMailboxConfig config(Map<String, Object> values) {
        return (MeshMailboxConfig) Proxy.newProxyInstance(MeshMailboxConfig.class.getClassLoader(), new Class<?>[] {MeshMailboxConfig.class},
                (proxy, m, args) -> values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue());
    }

    static OutboundRequest request(String requestId, int attempt, String body) {
        DownstreamSystem target = new DownstreamSystem("epr-mesh", "EPR via MESH", Optional.empty(), "dev", Transports.MESH,
                WireFormat.opaque(), "mesh:X26ABC2?workflow=TEST_WORKFLOW", AuthPattern.ORG_CREDENTIALS, Optional.empty(), Optional.empty());
        return new OutboundRequest(requestId, attempt, target, Payload.of(body.getBytes(StandardCharsets.UTF_8)),
                Map.of("mex-FileName", "reply.txt"), new AuthMaterial.None());
    }

    @Test
    void sendPollAcknowledgeAndTrackToTheEnd() {
        DeliveryResult sent = transport.deliver(request("req-1", 1, "reply content"));
        assertThat(sent).isInstanceOf(DeliveryResult.Accepted.class);
        String trackingId = ((DeliveryResult.Accepted) sent).trackingId();
        assertThat(transport.track(request("req-1", 1, "reply content"), trackingId)).isInstanceOf(DeliveryResult.Accepted.class);
        PollResult polled = recipient.pollNow();
        assertThat(polled.delivered()).isEqualTo(1);
        assertThat(recipient.status().handshakeOk()).isTrue();
        trackingClock.advance(Duration.ofSeconds(60));
        assertThat(transport.track(request("req-1", 1, "reply content"), trackingId)).isInstanceOf(DeliveryResult.Acknowledged.class);
        assertThat(health.components()).extracting(ComponentHealth::component).contains("mesh:X26ABC1", "mesh:X26ABC2");
    }

    @Test
    void aRetriedRequestFoundInTrackingIsNotSentAgain() {
        DeliveryResult first = transport.deliver(request("req-2", 1, "x"));
        DeliveryResult again = transport.deliver(request("req-2", 2, "x"));
        assertThat(again).isInstanceOfSatisfying(DeliveryResult.Accepted.class, a -> {
            assertThat(a.trackingId()).isEqualTo(((DeliveryResult.Accepted) first).trackingId());
            assertThat(a.summary()).contains("not sent again");
        });
        assertThat(sim.store().all()).hasSize(1);
    }

    @Test
    void expiryAndBadTargetsArePermanent() {
        String id = ((DeliveryResult.Accepted) transport.deliver(request("req-3", 1, "never collected"))).trackingId();
        trackingClock.advance(Duration.ofSeconds(60));
        clock.advance(Duration.ofDays(5).plusHours(1));
        sim.expire();
        clock.advance(Duration.ofDays(-5).minusHours(1)); // back to real time: the client signs tokens with the real clock
        assertThat(transport.track(request("req-3", 1, "x"), id)).isInstanceOfSatisfying(DeliveryResult.Permanent.class,
                p -> assertThat(p.reason()).contains("undeliverable", "14"));
        // The sender's inbox holds MESH's error report: journaled, acknowledged, and the mailbox reports DEGRADED.
        PollResult reports = sender.pollNow();
        assertThat(reports.reports()).isEqualTo(1);
        assertThat(kernel.journal.byMessageId(sim.store().all().stream().filter(m -> m.messageType().equals("REPORT"))
                .findFirst().orElseThrow().messageId())).hasSize(1);
        assertThat(health.components()).filteredOn(c -> c.component().equals("mesh:X26ABC1")).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(HealthState.DEGRADED));
        DownstreamSystem noWorkflow = new DownstreamSystem("x", "x", Optional.empty(), "dev", Transports.MESH, WireFormat.opaque(),
                "mesh:X26ABC2", AuthPattern.ORG_CREDENTIALS, Optional.empty(), Optional.empty());
        assertThat(transport.deliver(new OutboundRequest("r", 1, noWorkflow, Payload.of(new byte[1]), Map.of(), new AuthMaterial.None())))
                .isInstanceOf(DeliveryResult.Permanent.class);
        DownstreamSystem unknown = new DownstreamSystem("x", "x", Optional.empty(), "dev", Transports.MESH, WireFormat.opaque(),
                "mesh:X26NOPE?workflow=TEST_WORKFLOW", AuthPattern.ORG_CREDENTIALS, Optional.empty(), Optional.empty());
        assertThat(transport.deliver(new OutboundRequest("r2", 1, unknown, Payload.of(new byte[1]), Map.of(), new AuthMaterial.None())))
                .isInstanceOfSatisfying(DeliveryResult.Permanent.class, p -> assertThat(p.reason()).contains("code 12"));
    }

    @Test
    void aTrackedMessageMeshNoLongerKnowsIsPermanentWhileTrackingOutagesAreTransient() {
        sim.faults().inject(Operation.TRACKING, new Fault.Status(503), 10);
        assertThat(transport.track(request("req-4", 1, "x"), "20260101000000000000_ABCDEF"))
                .isInstanceOf(DeliveryResult.Transient.class);
        sim.faults().clear();
        // e.g. deleted 30 days after it was sent, or the MESH side (a restarted simulator) lost it
        assertThat(transport.track(request("req-4", 1, "x"), "20260101000000000000_ABCDEF"))
                .isInstanceOfSatisfying(DeliveryResult.Permanent.class, p -> assertThat(p.reason()).contains("does not know", "replay"));
    }

    @Test
    void invalidConfigFailsActivationWithAStatusEntry() {
        assertThatThrownBy(() -> mailbox("X26ABC3", Map.of("gzip", "MAYBE"))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("io.holdfast.mesh.mailbox.x26abc3").hasMessageContaining("gzip");
        assertThat(health.components()).filteredOn(c -> c.component().equals("mesh:X26ABC3"))
                .singleElement().satisfies(c -> assertThat(c.state()).isEqualTo(HealthState.DOWN));
    }

    static OrgCredentialSource vault(String user, String password, String sharedKey) {
        return new OrgCredentialSource() {
            @Override
            public OrgCredential forSystem(DownstreamSystem system) {
                throw new UnsupportedOperationException();
            }

            @Override
            public OrgCredential forEntry(String environment, String entryId) {
                return new OrgCredential(user, password.toCharArray(), Optional.of(sharedKey.toCharArray()),
                        new CredentialIdentity(entryId, 1, Optional.empty(), Optional.empty()));
            }
        };
    }

    @Test
    void credentialsComeFromTheVaultEntry() {
        Map<String, Object> fromVault = new HashMap<>(Map.of("pollEnabled", false, "password", "", "sharedKey", "",
                "credentialRef", "mesh-x26abc3"));
        MeshMailboxComponent third = mailbox("X26ABC3", fromVault, vault("X26ABC3", "password", "TestKey"));
        try {
            assertThat(third.pollNow().failed()).isZero();
            assertThat(third.status().handshakeOk()).isTrue();
        } finally {
            third.deactivate();
        }
        assertThatThrownBy(() -> mailbox("X26ABC3", fromVault, vault("X26OTHER", "password", "TestKey")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("credentialRef");
        assertThatThrownBy(() -> mailbox("X26ABC3", fromVault, null))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("credentials service is not available");
    }

    @Test
    void anUploadKilledBetweenChunksIsCompletedByTheNextAttemptNotSentTwice() {
        MeshMailboxComponent noRetry = mailbox("X26ABC3", Map.of("pollEnabled", false, "maxRetries", 0));
        MeshOutboundTransport t = new MeshOutboundTransport();
        t.mailboxes.add(noRetry);
        try {
            String body = "x".repeat(10_000); // 3 chunks of 4096
            sim.faults().inject(io.holdfast.simulator.mesh.MeshFaults.Operation.SEND_CHUNK,
                    new io.holdfast.simulator.mesh.MeshFaults.Fault.DropMidBody());
            assertThat(t.deliver(request("req-up", 1, body))).isInstanceOf(DeliveryResult.Transient.class);
            assertThat(sim.store().all()).singleElement()
                    .satisfies(m -> assertThat(m.status()).isEqualTo(io.holdfast.simulator.mesh.MessageStatus.UPLOADING));
            DeliveryResult again = t.deliver(request("req-up", 2, body));
            assertThat(again).isInstanceOfSatisfying(DeliveryResult.Accepted.class, a -> assertThat(a.summary()).contains("completed"));
            assertThat(sim.store().all()).singleElement().satisfies(m -> {
                assertThat(m.status()).isEqualTo(io.holdfast.simulator.mesh.MessageStatus.ACCEPTED);
                assertThat(m.size()).isEqualTo(10_000);
            });
        } finally {
            noRetry.deactivate();
        }
    }

    /** MESH is not polled like the dispatcher re-checks a row: first after trackingIntervalSeconds, then at doubling intervals. */
    @Test
    void trackingBacksOffPerMessageUpToTheCeiling() {
        String id = ((DeliveryResult.Accepted) transport.deliver(request("req-t", 1, "tracked"))).trackingId();
        // A tracking call now would fail: the answers below come without one until the interval has passed.
        sim.faults().inject(Operation.TRACKING, new Fault.Status(500), 1);
        for (int i = 0; i < 5; i++) {
            assertThat(transport.track(request("req-t", 1, "x"), id)).isInstanceOf(DeliveryResult.Accepted.class);
            trackingClock.advance(Duration.ofSeconds(10));
        }
        trackingClock.advance(Duration.ofSeconds(10));
        assertThat(transport.track(request("req-t", 1, "x"), id)).as("asked after 60 s").isInstanceOf(DeliveryResult.Transient.class);
        assertThat(sender.tracking().interval(id)).contains(Duration.ofSeconds(60));
        trackingClock.advance(Duration.ofSeconds(60));
        assertThat(transport.track(request("req-t", 1, "x"), id)).isInstanceOf(DeliveryResult.Accepted.class);
        assertThat(sender.tracking().interval(id)).contains(Duration.ofSeconds(120));
        for (long next : new long[] {240, 480, 960, 1920, 3600, 3600}) {
            trackingClock.advance(sender.tracking().interval(id).orElseThrow());
            transport.track(request("req-t", 1, "x"), id);
            assertThat(sender.tracking().interval(id)).contains(Duration.ofSeconds(next));
        }
    }

    /**
     * The deprecated local-id lookup is only for a first POST whose outcome is unknown: after MESH refused an
     * attempt outright (503) the next attempt sends at once, and a broken tracking endpoint does not stop it.
     */
    @Test
    void aRetryAfterAClearRefusalDoesNotUseTheLocalIdLookup() {
        sim.faults().inject(Operation.SEND, new Fault.Status(503), 10);
        assertThat(transport.deliver(request("req-503", 1, "x"))).isInstanceOf(DeliveryResult.Transient.class);
        sim.faults().clear();
        sim.faults().inject(Operation.TRACKING, new Fault.Status(500), 10);
        assertThat(transport.deliver(request("req-503", 2, "x"))).isInstanceOfSatisfying(DeliveryResult.Accepted.class,
                a -> assertThat(a.summary()).contains("accepted by MESH"));
    }

    @Test
    void aMailboxWithNoWorkflowsCollectsNothingAndSaysSo() {
        MeshMailboxComponent none = mailbox("X26ABC3", Map.of("pollIntervalSeconds", 86_400, "workflowIds", new String[0]));
        try {
            String id = sim.send("X26ABC1", "X26ABC3", "TEST_WORKFLOW", "a.txt", "a".getBytes(StandardCharsets.US_ASCII));
            PollResult r = none.pollNow();
            assertThat(r.skipped()).isEqualTo(1);
            assertThat(sim.store().get(id).orElseThrow().view().status()).isEqualTo(io.holdfast.simulator.mesh.MessageStatus.ACCEPTED);
            assertThat(kernel.journal.byMessageId(id)).isEmpty();
            assertThat(health.components()).filteredOn(c -> c.component().equals("mesh:X26ABC3")).singleElement()
                    .satisfies(c -> assertThat(c.detail()).contains("accepts no workflow"));
        } finally {
            none.deactivate();
        }
    }

    /** The SENT stage records who really sent: the mailbox (and its certificate), not the NONE auth pattern's none@v0. */
    @Test
    void theSenderIdentityIsTheMailboxAndItsVaultEntryVersion() {
        assertThat(transport.senderIdentity(request("req-id", 1, "x"))).hasValueSatisfying(id -> {
            assertThat(id.entryId()).isEqualTo("mesh:X26ABC1");
            assertThat(id.describe()).isEqualTo("mesh:X26ABC1@v0").isNotEqualTo(CredentialIdentity.NONE.describe());
        });
        Map<String, Object> fromVault = new HashMap<>(Map.of("pollEnabled", false, "password", "", "sharedKey", "",
                "credentialRef", "mesh-x26abc3"));
        MeshMailboxComponent third = mailbox("X26ABC3", fromVault, vault("X26ABC3", "password", "TestKey"));
        try {
            assertThat(third.senderIdentity().describe()).isEqualTo("mesh:X26ABC3@v1");
        } finally {
            third.deactivate();
        }
    }
}
