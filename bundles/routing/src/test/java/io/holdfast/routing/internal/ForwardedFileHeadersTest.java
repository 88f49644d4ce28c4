package io.holdfast.routing.internal;

import static io.holdfast.routing.internal.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.FileTransfer;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.routing.internal.outbox.OutboxState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file forwarded to two mailboxes keeps its file name and subject; each copy has its own request id. */
class ForwardedFileHeadersTest {
    @TempDir
    Path dir;
    RoutingFixture f;

    @BeforeEach
    void open() {
        f = new RoutingFixture(dir);
        f.inventory.save(mailbox("mailbox-a"));
        f.inventory.save(mailbox("mailbox-b"));
        f.route("forward", TestRouteConfig.to("mailbox-a", "mailbox-b"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aForwardedFileTransferCarriesItsFileNameAndSubjectAndDistinctRequestIds() throws Exception {
        IntakeReceipt r = acceptFile(Map.of("mesh.subject", "Discharge summary", "mesh.workflowId", "TOC_FHIR_DISCH"));
        f.startDispatcher();
        await("both copies delivered", () -> f.outbox.byJournalId(r.journalId()).stream()
                .allMatch(row -> row.state() == OutboxState.DONE));

        assertThat(f.transport.calls()).hasSize(2).allSatisfy(c -> {
            assertThat(c.headers()).containsEntry("mex-FileName", "discharge-0001.xml")
                    .containsEntry("mex-Subject", "Discharge summary").containsEntry("X-Request-ID", c.requestId());
            assertThat(c.body()).isEqualTo("<file/>");
        });
        assertThat(f.transport.calls()).extracting(ScriptedTransport.Call::requestId).doesNotHaveDuplicates();
    }

    @Test
    void aFileWithoutSubjectGetsOnlyItsFileName() throws Exception {
        IntakeReceipt r = acceptFile(Map.of());
        f.startDispatcher();
        await("both copies delivered", () -> f.outbox.byJournalId(r.journalId()).stream()
                .allMatch(row -> row.state() == OutboxState.DONE));
        assertThat(f.transport.calls()).allSatisfy(c ->
                assertThat(c.headers()).containsEntry("mex-FileName", "discharge-0001.xml").doesNotContainKey("mex-Subject"));
    }

    private IntakeReceipt acceptFile(Map<String, String> attributes) throws Exception {
        byte[] bytes = "<file/>".getBytes(StandardCharsets.UTF_8);
        FileTransfer file = new FileTransfer("mesh", "20261205182400123456_ABCDEF", Optional.of("discharge-0001.xml"),
                "0".repeat(64), bytes.length, attributes, Optional.empty());
        Envelope env = Envelope.of("20261205182400123456_ABCDEF", "X26ABC001", "mesh:X26HF001", WireFormat.opaque());
        return f.intake.accept(env, Payload.of(bytes), DecodeResult.decoded(file), new FieldTrail())
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static DownstreamSystem mailbox(String id) {
        return new DownstreamSystem(id, id.toUpperCase(), Optional.empty(), "test", ScriptedTransport.NAME, WireFormat.opaque(),
                "mem://" + id, AuthPattern.NONE, Optional.empty(), Optional.empty());
    }
}
