package io.holdfast.mesh.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.Admission;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.Visit;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.spi.Codec;
import io.holdfast.mesh.internal.config.GzipPolicy;
import io.holdfast.simulator.mesh.MessageStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A mailbox whose wireFormat names a content codec: the file's clinical events are journaled with its FileTransfer. */
class MeshContentCodecTest extends SimulatorAndKernelTest {
    static final WireFormat ADMISSIONS = new WireFormat("ADMCSV", "1");

    /** Lines {@code nhsNumber,visitNumber}; a line {@code BAD} rejects the file. Reads a Payload, as MESH hands it over. */
    static final class AdmissionsCsv implements Codec<Payload> {
        @Override
        public WireFormat format() {
            return ADMISSIONS;
        }

        @Override
        public DecodeResult decode(Payload wire, Envelope envelope, FieldTrail trail) {
            String text;
            try (InputStream in = wire.open()) {
                text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<ClinicalEvent> events = new ArrayList<>();
            int row = 0;
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.equals("BAD")) {
                    return DecodeResult.rejected("BAD_ROW", "row " + row + " is not nhsNumber,visitNumber");
                }
                String[] f = line.split(",");
                trail.inbound("row[" + row + "].0", "patient.nhsNumber", f[0]);
                events.add(new Admission(Patient.identifiedBy(Identifier.of(NhsNumber.parse(f[0]))),
                        new Visit(Identifier.local("RXX", f[1]), new OrganisationRef("RXX01"), Optional.empty(), Optional.empty(),
                                Optional.empty(), Optional.empty()), Optional.empty(), Optional.empty()));
                row++;
            }
            return new DecodeResult.Decoded(events);
        }

        @Override
        public Payload encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
            throw new UnsupportedOperationException();
        }
    }

    /** The same format read as text, as codecs of small formats (HL7 v2) do. */
    static final class AdmissionsCsvText implements Codec<String> {
        @Override
        public WireFormat format() {
            return ADMISSIONS;
        }

        @Override
        public DecodeResult decode(String wire, Envelope envelope, FieldTrail trail) {
            return new AdmissionsCsv().decode(Payload.of(wire.getBytes(StandardCharsets.US_ASCII)), envelope, trail);
        }

        @Override
        public String encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
            throw new UnsupportedOperationException();
        }
    }

    String send(String content, String localId) {
        return kernel.uploader(sim, "X26ABC1", 1 << 20, GzipPolicy.NEVER, MeshKernelFixture.FAST)
                .send(new OutgoingMessage("X26ABC2", "ADMISSIONS", Optional.empty(), Optional.of(localId), Optional.of("adm.csv"),
                        Payload.of(content.getBytes(StandardCharsets.US_ASCII)))).messageId();
    }

    MeshMailboxPoller poller(ContentCodecs codecs) {
        return kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, ADMISSIONS, codecs);
    }

    /** The TRANSFORMED stage's detail: each event of the message with its claim outcome. */
    String transformed(String id) {
        return kernel.journal.byMessageId(id).get(0).stages().stream().filter(st -> st.stage() == Stage.TRANSFORMED)
                .map(StageEntry::detail).findFirst().orElseThrow();
    }

    MessageStatus status(String id) {
        return sim.store().get(id).orElseThrow().view().status();
    }

    @Test
    void theFilesClinicalEventsAreJournaledAndClaimedWithItsFileTransfer() {
        AdmissionsCsv codec = new AdmissionsCsv();
        String id = send("9434765919,V100\n9434765870,V200\n", "L1");
        PollResult r = poller(f -> f.equals("ADMCSV") ? Optional.of(codec) : Optional.empty()).pollOnce();
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACKNOWLEDGED);
        assertThat(transformed(id)).isEqualTo("FileTransfer NEW, Admission NEW, Admission NEW");
        assertThat(kernel.idempotency.count()).as("the file and both admissions").isEqualTo(3);

        // The same admissions in another file: the file is new, its admissions are duplicates of the clinical events.
        String again = send("9434765919,V100\n9434765870,V200\n", "L2");
        poller(f -> Optional.of(codec)).pollOnce();
        assertThat(transformed(again)).isEqualTo("FileTransfer NEW, Admission DUPLICATE, Admission DUPLICATE");
    }

    @Test
    void aCodecThatReadsTextGetsTheFileAsText() {
        String id = send("9434765919,V100\n", "L1");
        poller(f -> Optional.of(new AdmissionsCsvText())).pollOnce();
        assertThat(status(id)).isEqualTo(MessageStatus.ACKNOWLEDGED);
        assertThat(transformed(id)).isEqualTo("FileTransfer NEW, Admission NEW");
    }

    @Test
    void aFileTheCodecRejectsIsJournaledRejectedAndAcknowledged() {
        String id = send("9434765919,V100\nBAD\n", "L1");
        PollResult r = poller(f -> Optional.of(new AdmissionsCsv())).pollOnce();
        assertThat(status(id)).isEqualTo(MessageStatus.ACKNOWLEDGED);
        assertThat(r.failed()).isZero();
        assertThat(kernel.journal.byMessageId(id).get(0).stages()).extracting(StageEntry::stage).contains(Stage.REJECTED);
        assertThat(kernel.idempotency.count()).isZero();
    }

    @Test
    void withoutItsCodecTheMailboxLeavesMessagesInTheInbox() {
        String id = send("9434765919,V100\n", "L1");
        HoldfastException e = catchThrowableOfType(() -> poller(ContentCodecs.NONE).pollOnce(), HoldfastException.class);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage()).contains("ADMCSV").contains("OPAQUE");
        assertThat(status(id)).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(kernel.journal.byMessageId(id)).isEmpty();

        poller(f -> Optional.of(new AdmissionsCsv())).pollOnce();
        assertThat(status(id)).isEqualTo(MessageStatus.ACKNOWLEDGED);
    }
}
