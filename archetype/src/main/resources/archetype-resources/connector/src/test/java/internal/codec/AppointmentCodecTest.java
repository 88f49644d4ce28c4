package ${package}.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ${package}.internal.ConnectorNames;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.Appointment;
import io.holdfast.api.event.EventKey;
import io.holdfast.api.event.FileTransfer;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.message.FieldTrail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppointmentCodecTest {
    /** A valid test-range NHS number (Modulus 11). */
    static final String NHS_NUMBER = "9434765919";
    static final String MESSAGE = """
            appointmentId=APT-1001
            issuer=RXX01
            nhsNumber=9434765919
            start=2026-12-24T09:30:00Z
            durationMinutes=20
            location=Outpatients 3
            status=booked
            sentAt=2026-12-05T10:00:00Z
            """;

    private final AppointmentCodec codec = new AppointmentCodec();
    private final Envelope envelope = Envelope.of("M1", "booking", ConnectorNames.channel("main"), AppointmentCodec.FORMAT);

    @Test
    void mapsAMessageToAnAppointmentKeyedByTheIssuersAppointmentId() {
        FieldTrail trail = new FieldTrail();

        Appointment a = decode(MESSAGE, trail);

        assertThat(a.key()).isEqualTo(new EventKey(Appointment.TYPE, "urn:holdfast:local:RXX01", "APT-1001"));
        assertThat(a.nhsNumber()).hasValueSatisfying(n -> assertThat(n.value()).isEqualTo(NHS_NUMBER));
        assertThat(a.start()).contains(Instant.parse("2026-12-24T09:30:00Z"));
        assertThat(a.duration()).contains(Duration.ofMinutes(20));
        assertThat(a.location()).contains("Outpatients 3");
        assertThat(a.status()).isEqualTo("booked");
        assertThat(trail.mappings()).extracting(FieldMapping::sourcePath, FieldMapping::canonicalPath).contains(
                org.assertj.core.groups.Tuple.tuple("appointmentId", "appointment.identifier.value"),
                org.assertj.core.groups.Tuple.tuple("nhsNumber", "patient.nhsNumber"),
                org.assertj.core.groups.Tuple.tuple("status", "appointment.status"));
    }

    @Test
    void aResentMessageIsTheSameContentAndAChangedAppointmentIsNot() {
        Appointment first = decode(MESSAGE, new FieldTrail());
        Appointment resent = decode(MESSAGE.replace("sentAt=2026-12-05T10:00:00Z", "sentAt=2026-12-05T11:00:00Z"), new FieldTrail());
        Appointment cancelled = decode(MESSAGE.replace("status=booked", "status=cancelled"), new FieldTrail());

        assertThat(resent.key()).isEqualTo(first.key());
        assertThat(resent.digest()).isEqualTo(first.digest());
        assertThat(cancelled.key()).isEqualTo(first.key());
        assertThat(cancelled.digest()).isNotEqualTo(first.digest());
    }

    @Test
    void anInvalidNhsNumberIsRejectedWithoutEchoingItAndLeavesNoTrail() {
        FieldTrail trail = new FieldTrail();

        DecodeResult r = codec.decode(bytes(MESSAGE.replace(NHS_NUMBER, "9434765918")), envelope, trail);

        assertThat(r).isInstanceOfSatisfying(DecodeResult.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo("INVALID_NHS_NUMBER");
            assertThat(rejected.reason()).contains("nhsNumber").doesNotContain("943476591");
        });
        assertThat(trail.mappings()).isEmpty();
    }

    @Test
    void missingOrInvalidFieldsAreRejectedWithAStableCode() {
        assertThat(rejection(MESSAGE.replace("status=booked\n", ""))).isEqualTo(new DecodeResult.Rejected("MISSING_FIELD",
                "required field 'status' is missing"));
        assertThat(rejection(MESSAGE.replace("status=booked", "status=maybe")).code()).isEqualTo("INVALID_FIELD");
        assertThat(rejection(MESSAGE.replace("issuer=RXX01", "issuer=rxx 01")).code()).isEqualTo("INVALID_FIELD");
        assertThat(rejection(MESSAGE.replace("durationMinutes=20", "durationMinutes=0")).code()).isEqualTo("INVALID_FIELD");
        assertThat(rejection(MESSAGE.replace("2026-12-24T09:30:00Z", "24/12/2026")).code()).isEqualTo("INVALID_FIELD");
        assertThat(rejection("not a message").code()).isEqualTo("MALFORMED");
    }

    @Test
    void encodesWhatItDecodesWithAnOutboundTrail() {
        Appointment a = decode(MESSAGE, new FieldTrail());
        FieldTrail out = new FieldTrail();

        byte[] wire = codec.encode(a, AppointmentCodec.FORMAT, out);

        assertThat(decode(new String(wire, StandardCharsets.UTF_8), new FieldTrail())).isEqualTo(a);
        assertThat(out.mappings()).extracting(FieldMapping::targetPath).contains("appointmentId", "issuer", "nhsNumber", "status");
    }

    @Test
    void otherEventTypesCannotBeEncoded() {
        FileTransfer file = new FileTransfer("SFTP", "F1", Optional.empty(), "0".repeat(64), 0, Map.of(), Optional.empty());

        assertThatThrownBy(() -> codec.encode(file, AppointmentCodec.FORMAT, new FieldTrail()))
                .isInstanceOf(HoldfastException.class).hasMessageContaining("Appointment events only");
    }

    private Appointment decode(String message, FieldTrail trail) {
        DecodeResult r = codec.decode(bytes(message), envelope, trail);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return (Appointment) ((DecodeResult.Decoded) r).events().get(0);
    }

    private DecodeResult.Rejected rejection(String message) {
        DecodeResult r = codec.decode(bytes(message), envelope, new FieldTrail());
        assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        return (DecodeResult.Rejected) r;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
