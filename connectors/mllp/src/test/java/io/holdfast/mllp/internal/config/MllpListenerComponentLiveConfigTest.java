package io.holdfast.mllp.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Router;
import io.holdfast.hl7v2.Fixtures;
import io.holdfast.mllp.internal.transport.KernelFixture;
import io.holdfast.hl7v2.AckCode;
import io.holdfast.hl7v2.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.testkit.TestKernel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 10: the listener component applies a changed configuration live. The same
 * configuration delivered again (Karaf's feature config, then its etc/ file) changes nothing;
 * timeouts, limits and the allow-list apply without closing open connections; only port,
 * address or TLS rebind; an invalid change keeps the running listener and says so in Health.
 */
class MllpListenerComponentLiveConfigTest {
    static final Duration T = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    TestKernel kernel;
    Health health;
    MllpListenerComponent component;
    MllpClient client;

    @BeforeEach
    void start() {
        kernel = KernelFixture.start(dir);
        health = kernel.health();
        component = new MllpListenerComponent();
        component.intake = kernel.intake();
        component.health = health;
        component.meterRegistry = new SimpleMeterRegistry();
        component.router = (env, event) -> List.<Router.Target>of();
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        component.deactivate();
        kernel.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Map<String, Object> config(int port, String... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("service.pid", "io.holdfast.mllp.listener.3f2a9c");
        m.put("name", "adt-feed");
        m.put("port", String.valueOf(port));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static AckMessage exchange(MllpClient c, String controlId) throws IOException {
        String t = Fixtures.text("adt_a01_v24.hl7").replace("|0000481516|", "|" + controlId + "|");
        byte[] reply = c.exchange(t.getBytes(StandardCharsets.ISO_8859_1), T);
        return AckMessage.read(reply).orElseThrow();
    }

    ComponentHealth healthOf(String name) {
        return health.components().stream().filter(c -> c.component().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSameConfigurationDeliveredTwiceKeepsTheListenerAndItsConnections() throws Exception {
        int port = freePort();
        component.activate(config(port));
        client = MllpClient.connect("127.0.0.1", port, T);
        assertThat(exchange(client, "D1").code()).isEqualTo(AckCode.CA);
        Map<String, Object> again = config(port);
        again.put("felix.fileinstall.filename", "file:/opt/holdfast/etc/io.holdfast.mllp.listener-adt-feed.cfg");
        component.modified(again);
        assertThat(exchange(client, "D2").code()).isEqualTo(AckCode.CA);
        assertThat(component.stats().connectionsTotal()).isEqualTo(1);
        assertThat(component.stats().frames()).isEqualTo(2);
    }

    @Test
    void nonBindingChangesApplyLiveAndOpenConnectionsStay() throws Exception {
        int port = freePort();
        component.activate(config(port));
        client = MllpClient.connect("127.0.0.1", port, T);
        assertThat(exchange(client, "L1").code()).isEqualTo(AckCode.CA);
        component.modified(config(port, "ackMode", "ORIGINAL", "idleTimeout", "PT2M", "maxConnectionsPerPeer", "1", "frameTimeout", "PT20S"));
        assertThat(exchange(client, "L2").code()).isEqualTo(AckCode.AA); // same connection, new ACK mode
        assertThat(component.settings().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(component.settings().limits().frameTimeout()).isEqualTo(Duration.ofSeconds(20));
        try (MllpClient second = MllpClient.connect("127.0.0.1", port, T)) {
            assertThat(second.isClosedByPeer(T)).isTrue(); // the new per-peer limit holds for new connections
        }
        component.modified(config(port, "allowFrom", "10.0.0.0/8"));
        assertThat(exchange(client, "L3").code()).isEqualTo(AckCode.CA);
        try (MllpClient outsider = MllpClient.connect("127.0.0.1", port, T)) {
            assertThat(outsider.isClosedByPeer(T)).isTrue();
        }
        assertThat(component.stats().connectionsRefused()).isEqualTo(2);
        assertThat(healthOf("mllp:adt-feed").state()).isEqualTo(HealthState.UP);
        assertThat(healthOf("mllp:adt-feed").detail()).contains("allowFrom [10.0.0.0/8]");
    }

    @Test
    void aNewPortRebinds() throws Exception {
        int port = freePort();
        component.activate(config(port));
        client = MllpClient.connect("127.0.0.1", port, T);
        int moved = freePort();
        component.modified(config(moved));
        assertThat(client.isClosedByPeer(T)).isTrue();
        assertThatThrownBy(() -> MllpClient.connect("127.0.0.1", port, T)).isInstanceOf(IOException.class);
        try (MllpClient there = MllpClient.connect("127.0.0.1", moved, T)) {
            assertThat(exchange(there, "P1").code()).isEqualTo(AckCode.CA);
        }
        assertThat(component.boundPort()).isEqualTo(moved);
    }

    @Test
    void anInvalidChangeKeepsTheRunningListenerAndReportsDegraded() throws Exception {
        int port = freePort();
        component.activate(config(port));
        client = MllpClient.connect("127.0.0.1", port, T);
        component.modified(config(port, "maxConnections", "lots"));
        assertThat(exchange(client, "I1").code()).isEqualTo(AckCode.CA);
        ComponentHealth h = healthOf("mllp:adt-feed");
        assertThat(h.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(h.detail()).contains("maxConnections").contains("previous configuration");
        component.modified(config(port));
        assertThat(healthOf("mllp:adt-feed").state()).isEqualTo(HealthState.UP);
    }

    @Test
    void anInvalidConfigurationFailsActivationWithTheKeyInHealth() {
        assertThatThrownBy(() -> component.activate(config(2575, "allowFrom", "everyone"))).isInstanceOf(InvalidConfigurationException.class);
        assertThat(healthOf("mllp:adt-feed").state()).isEqualTo(HealthState.DOWN);
        assertThat(healthOf("mllp:adt-feed").detail()).contains("allowFrom");
    }
}
