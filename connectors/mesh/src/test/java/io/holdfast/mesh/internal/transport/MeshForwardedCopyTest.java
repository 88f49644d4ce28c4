package io.holdfast.mesh.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.FileTransfer;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.simulator.mesh.MeshSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MESH half of forwarding a file: the request headers routing builds from a FileTransfer
 * ({@code mex-FileName}, {@code mex-Subject}; see routing's TransferHeaders) reach the copy in the
 * simulator, and the receiving mailbox records them where routing reads them (file name, attribute
 * {@code mesh.subject}), with {@code mex-LocalID} = the request id of this copy.
 */
class MeshForwardedCopyTest {
    @TempDir
    Path dir;
    MeshSimulator sim;
    MeshKernelFixture kernel;
    MeshMailboxComponent sender;
    MeshMailboxComponent recipient;
    final List<FileTransfer> received = new CopyOnWriteArrayList<>();
    final MeshOutboundTransport transport = new MeshOutboundTransport();

    @BeforeEach
    void start() {
        sim = MeshSimulator.builder().dataDir(dir.resolve("sim")).mailbox("X26ABC1", "password").mailbox("X26ABC2", "password").start();
        Router router = (env, e) -> {
            if (e instanceof FileTransfer f) {
                received.add(f);
            }
            return List.of(new Router.Target("mesh-in", "epr", false));
        };
        kernel = new MeshKernelFixture(dir.resolve("kernel"), router);
        sender = mailbox("X26ABC1");
        recipient = mailbox("X26ABC2");
        transport.mailboxes.add(sender);
    }

    @AfterEach
    void stop() {
        sender.deactivate();
        recipient.deactivate();
        kernel.close();
        sim.close();
    }

    @Test
    void aForwardedCopyCarriesTheFileNameAndSubjectWithItsOwnLocalId() {
        DownstreamSystem target = new DownstreamSystem("partner", "Partner mailbox", Optional.empty(), "dev", Transports.MESH,
                WireFormat.opaque(), "mesh:X26ABC2?workflow=TOC_FHIR_DISCH", AuthPattern.NONE, Optional.empty(), Optional.empty());
        OutboundRequest copy = new OutboundRequest("0f1e2d3c-4b5a-8697-a8b9-cadbecfd0e1f", 1, target,
                Payload.of("<file/>".getBytes(StandardCharsets.UTF_8)),
                Map.of("mex-FileName", "discharge-0001.xml", "mex-Subject", "Discharge summary",
                        "X-Request-ID", "0f1e2d3c-4b5a-8697-a8b9-cadbecfd0e1f"), new AuthMaterial.None());

        assertThat(transport.deliver(copy)).isInstanceOf(DeliveryResult.Accepted.class);
        assertThat(sim.store().all()).singleElement().satisfies(m -> {
            assertThat(m.fileName()).contains("discharge-0001.xml");
            assertThat(m.localId()).contains("0f1e2d3c-4b5a-8697-a8b9-cadbecfd0e1f");
        });

        assertThat(recipient.pollNow().delivered()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(f -> {
            assertThat(f.fileName()).contains("discharge-0001.xml");
            assertThat(f.attributes()).containsEntry("mesh.subject", "Discharge summary")
                    .containsEntry("mesh.localId", "0f1e2d3c-4b5a-8697-a8b9-cadbecfd0e1f");
        });
    }

    private MeshMailboxComponent mailbox(String id) {
        Map<String, Object> v = new HashMap<>(Map.of("mailboxId", id, "baseUrl", sim.baseUrl(), "password", "password",
                "sharedKey", "TestKey", "chunkSizeBytes", 4096L, "retryBackoffMillis", 5, "workflowIds", new String[] {"*"},
                "pollEnabled", false));
        MeshMailboxComponent c = new MeshMailboxComponent();
        c.intake = kernel.intake;
        c.health = kernel.health;
        c.alerts = kernel.alerts;
        c.workFiles = kernel.files;
        c.activate(MeshMailboxComponentTest.config(v), Map.of("service.pid", "io.holdfast.mesh.mailbox." + id.toLowerCase()));
        return c;
    }
}
