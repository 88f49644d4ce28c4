package io.holdfast.mesh.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.message.Payload;
import io.holdfast.mesh.internal.config.GzipPolicy;
import io.holdfast.mesh.protocol.MeshChecksum;
import io.holdfast.simulator.mesh.MeshFaults.Fault;
import io.holdfast.simulator.mesh.MeshFaults.Operation;
import io.holdfast.simulator.mesh.MessageStatus;
import io.holdfast.simulator.mesh.StoredMessage.MessageView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeshUploaderTest extends SimulatorAndKernelTest {
    SendResult send(byte[] content, long chunkSize, GzipPolicy gzip, String localId) {
        return kernel.uploader(sim, "X26ABC1", chunkSize, gzip, MeshKernelFixture.FAST)
                .send(new OutgoingMessage("X26ABC2", "TEST_WORKFLOW", Optional.empty(), Optional.of(localId), Optional.empty(),
                        Payload.of(content)));
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        return b;
    }

    MessageView view(String id) {
        return sim.store().get(id).orElseThrow().view();
    }

    @Test
    void chunksAndWritesTheSha256Checksum() throws Exception {
        byte[] content = random(5000);
        SendResult r = send(content, 1024, GzipPolicy.NEVER, "L1");
        assertThat(r.chunks()).isEqualTo(5);
        assertThat(view(r.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(view(r.messageId()).size()).isEqualTo(5000);
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(view(r.messageId()).checksum()).contains(MeshChecksum.sha256Hex(hex));
    }

    @Test
    void autoGzipCompressesTextButNotRandomBytes() {
        assertThat(send(MeshInboundTest.text(200_000), 75 * 1024 * 1024, GzipPolicy.AUTO, "T").gzipped()).isTrue();
        assertThat(send(random(200_000), 75 * 1024 * 1024, GzipPolicy.AUTO, "R").gzipped()).isFalse();
        assertThat(send(MeshInboundTest.text(1000), 75 * 1024 * 1024, GzipPolicy.AUTO, "S").gzipped()).as("too small to pay").isFalse();
    }

    @Test
    void ambiguousFirstPostIsLookedUpNotPostedAgain() {
        sim.faults().inject(Operation.SEND, new Fault.DropAfterCommit());
        SendResult r = send(random(100), 1024, GzipPolicy.NEVER, "amb-single");
        assertThat(r.foundByLocalId()).isTrue();
        assertThat(sim.store().all()).hasSize(1);
        assertThat(view(r.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
    }

    @Test
    void ambiguousFirstPostOfAChunkedMessageContinuesTheUpload() {
        sim.faults().inject(Operation.SEND, new Fault.DropAfterCommit());
        SendResult r = send(random(4000), 1024, GzipPolicy.NEVER, "amb-chunked");
        assertThat(r.foundByLocalId()).isTrue();
        assertThat(sim.store().all()).hasSize(1);
        assertThat(view(r.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(view(r.messageId()).size()).isEqualTo(4000);
    }

    @Test
    void firstPostLostBeforeMeshStoredItIsPostedAgainOnce() {
        sim.faults().inject(Operation.SEND, new Fault.DropMidBody());
        SendResult r = send(random(100), 1024, GzipPolicy.NEVER, "lost");
        assertThat(r.foundByLocalId()).isFalse();
        assertThat(sim.store().all()).hasSize(1);
    }

    @Test
    void retriesRetryableStatusesAndGivesUpOnOthers() {
        sim.faults().inject(Operation.SEND, new Fault.Status(429)).inject(Operation.SEND_CHUNK, new Fault.Status(503))
                .inject(Operation.SEND_CHUNK, new Fault.Status(504));
        SendResult r = send(random(3000), 1024, GzipPolicy.NEVER, "retry");
        assertThat(view(r.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(sim.store().all()).hasSize(1);
        sim.faults().inject(Operation.SEND, new Fault.Status(500));
        assertThatThrownBy(() -> send(random(10), 1024, GzipPolicy.NEVER, "fail")).isInstanceOf(MeshException.class)
                .satisfies(e -> assertThat(((MeshException) e).status()).isEqualTo(500));
        sim.faults().inject(Operation.SEND, new Fault.Status(503), 10);
        assertThatThrownBy(() -> send(random(10), 1024, GzipPolicy.NEVER, "busy")).isInstanceOf(MeshException.class);
        sim.faults().clear();
        assertThatThrownBy(() -> kernel.uploader(sim, "X26ABC1", 1024, GzipPolicy.NEVER, MeshKernelFixture.FAST)
                .send(new OutgoingMessage("X26NOPE", "TEST_WORKFLOW", Optional.empty(), Optional.empty(), Optional.empty(), Payload.of(new byte[1]))))
                .isInstanceOf(MeshException.class).satisfies(e -> assertThat(((MeshException) e).meshCode()).isEqualTo("12"));
    }

    @Test
    void largeFilePayloadStreamsFromDisk() throws Exception {
        Path file = dir.resolve("big.bin");
        Files.write(file, random(3 * 1024 * 1024 + 17));
        SendResult r = kernel.uploader(sim, "X26ABC1", 1024 * 1024, GzipPolicy.NEVER, MeshKernelFixture.FAST)
                .send(new OutgoingMessage("X26ABC2", "TEST_WORKFLOW", Optional.empty(), Optional.of("big"), Optional.of("big.bin"),
                        Payload.ofFile(file)));
        assertThat(r.chunks()).isEqualTo(4);
        assertThat(view(r.messageId()).size()).isEqualTo(Files.size(file));
    }
}
