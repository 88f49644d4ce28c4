package io.holdfast.mllp.internal.transport;

import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.T;
import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.ack;
import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.msg;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.hl7v2.AckCode;
import io.holdfast.hl7v2.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.testkit.TestKernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12 points 2 and 3: poison input gets a clear HL7 reject (AR/CR + ERR) and a journaled
 * rejection, and the connection stays usable; an Intake refusal is never acknowledged. Before:
 * a too-long MSH-10 gave AE forever (the journal could not store it), an MSH without field
 * separator closed the connection on an index exception, and {@code MSH|^^^^|} was accepted (CA).
 */
class MllpPoisonInputTest {
    @TempDir
    Path dir;
    TestKernel kernel;
    MllpListener listener;
    MllpClient client;

    @BeforeEach
    void start() throws Exception {
        kernel = KernelFixture.start(dir);
        listen(kernel.intake());
    }

    void listen(Intake intake) throws Exception {
        listener = new MllpListener(ListenerSettings.loopback("adt-feed", 0), intake);
        listener.start();
        client = MllpClient.connect("127.0.0.1", listener.boundPort(), T);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        listener.close();
        kernel.close();
    }

    /** After a poison frame the same connection still takes a good message. */
    void connectionStillWorks(String controlId) throws Exception {
        assertThat(ack(client.exchange(msg("adt_a02_v24.hl7", controlId), T)).code()).isEqualTo(AckCode.AA);
        assertThat(kernel.journal().byMessageId(controlId)).singleElement().satisfies(e -> assertThat(e.claim()).isPresent());
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aControlIdLongerThanTheJournalColumnIsRejectedAndJournaled() throws Exception {
        String longId = "L".repeat(InboundProcessor.MAX_CONTROL_ID + 1);
        byte[] reply = client.exchange(msg("adt_a01_v24.hl7", longId), T);
        AckMessage a = ack(reply);
        assertThat(a.code()).isEqualTo(AckCode.CR); // the fixture asks for enhanced acknowledgement
        assertThat(a.controlId()).isEqualTo(longId);
        assertThat(a.text()).contains("FIELD_TOO_LONG").contains("MSH-10");
        assertThat(text(reply)).contains("\rERR|^^^102&");
        assertThat(kernel.journal().counts().rejected()).isEqualTo(1);
        assertThat(kernel.journal().byMessageId(longId)).isEmpty();
        connectionStillWorks("OK1");
    }

    @Test
    void aVersionIdTooLongForTheJournalIsRejected() throws Exception {
        String m = text(msg("adt_a02_v24.hl7", "V1")).replace("|P|2.4", "|P|2.4" + ".9".repeat(20));
        AckMessage a = ack(client.exchange(m.getBytes(StandardCharsets.ISO_8859_1), T));
        assertThat(a.code()).isEqualTo(AckCode.AR);
        assertThat(a.text()).contains("MSH-12");
        assertThat(kernel.journal().counts().rejected()).isEqualTo(1);
        connectionStillWorks("OK2");
    }

    @Test
    void anMshWithoutFieldSeparatorIsRejectedAndTheConnectionStaysOpen() throws Exception {
        byte[] reply = client.exchange("MSH\rPID|1||9449305552^^^NHS^NH\r".getBytes(StandardCharsets.ISO_8859_1), T);
        AckMessage a = ack(reply);
        assertThat(a.code()).isEqualTo(AckCode.AR);
        assertThat(a.text()).contains("MALFORMED_MSH").contains("field separator");
        assertThat(text(reply)).startsWith("MSH|^~\\&|HOLDFAST|adt-feed").contains("\rERR|^^^102&");
        assertThat(kernel.journal().counts().rejected()).isEqualTo(1);
        connectionStillWorks("OK3");
    }

    @Test
    void encodingCharactersThatAreNotFourDistinctDelimitersAreRejectedWithoutEchoingThem() throws Exception {
        String broken = text(msg("adt_a01_v24.hl7", "E1")).replace("MSH|^~\\&|", "MSH|^^^^|");
        byte[] reply = client.exchange(broken.getBytes(StandardCharsets.ISO_8859_1), T);
        AckMessage a = ack(reply);
        assertThat(a.code()).isEqualTo(AckCode.AR);
        assertThat(a.text()).contains("MALFORMED_MSH").contains("MSH-2");
        assertThat(text(reply)).startsWith("MSH|^~\\&|HOLDFAST|adt-feed").doesNotContain("^^^^");
        List<JournalEntry> rejected = kernel.journal().byMessageId(a.controlId().isEmpty() ? "none" : a.controlId());
        assertThat(rejected).isEmpty();
        assertThat(kernel.journal().counts().rejected()).isEqualTo(1);
        assertThat(kernel.idempotency().count()).isZero();
        connectionStillWorks("OK4");
    }

    @Test
    void theRejectedFrameIsJournaledWithItsBytesAndTheReason() throws Exception {
        String broken = text(msg("adt_a02_v24.hl7", "E2")).replace("MSH|^~\\&|", "MSH|^~|");
        client.exchange(broken.getBytes(StandardCharsets.ISO_8859_1), T);
        JournalEntry e = kernel.journal().bySystem("adt-feed", 1).get(0);
        assertThat(e.messageId()).startsWith("mllp-adt-feed-");
        assertThat(e.stages()).extracting(s -> s.stage()).containsExactly(Stage.RECEIVED, Stage.REJECTED);
        assertThat(e.stages().get(1).detail()).contains("MALFORMED_MSH");
        assertThat(e.payload().orElseThrow().size()).isEqualTo(broken.length());
    }

    /** "ACK means routed": whatever Intake's reason for refusing, the sender gets AE/CE, nothing is journaled, and it can resend. */
    @ParameterizedTest
    @EnumSource(IntakeRefusedException.Reason.class)
    void everyIntakeRefusalIsAnsweredWithAnErrorAndNothingIsAcknowledged(IntakeRefusedException.Reason reason) throws Exception {
        client.close();
        listener.close();
        AtomicBoolean refusing = new AtomicBoolean(true);
        listen((env, payload, decoded, trail) -> refusing.get()
                ? CompletableFuture.failedFuture(new IntakeRefusedException(reason, "refused in test"))
                : kernel.intake().accept(env, payload, decoded, trail));
        AckMessage a = ack(client.exchange(msg("adt_a02_v24.hl7", "R1"), T));
        assertThat(a.code()).isEqualTo(AckCode.AE);
        assertThat(a.controlId()).isEqualTo("R1");
        assertThat(a.text()).contains(reason.name()).contains("not stored");
        assertThat(kernel.journal().byMessageId("R1")).isEmpty();
        refusing.set(false);
        connectionStillWorks("R1");
    }
}
