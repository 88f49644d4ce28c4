package io.holdfast.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.Admission;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.ContentDigest;
import io.holdfast.api.event.DemographicUpdate;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.SensitivityFlag;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12 point 9: the patient's sensitivity comes from what the sender said (PD1-12 protection
 * indicator, PV1-16 VIP indicator); silence is NOT_STATED, which counts as restricted. Before,
 * every patient was U whatever the message said.
 */
class PatientSensitivityTest {
    final Hl7v2Codec codec = new Hl7v2Codec();

    ClinicalEvent decode(String text) {
        DecodeResult r = codec.decode(text.getBytes(StandardCharsets.ISO_8859_1),
                Envelope.of("x", "pas", "mllp:test", WireFormat.hl7v2("2.4")), new FieldTrail());
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).events().get(0);
    }

    /** The A01 fixture with PD1-12 and PV1-16 set as given ("-" = field absent). */
    static String admission(String pd1Protection, String pv1Vip) {
        String text = Fixtures.text("adt_a01_v24.hl7");
        if (!pd1Protection.equals("-")) {
            text = text.replace("PD1|||HILLSIDE SURGERY^^B86001|G1234567^BROWN^SARAH",
                    "PD1|||HILLSIDE SURGERY^^B86001|G1234567^BROWN^SARAH||||||||" + pd1Protection);
        }
        if (!pv1Vip.equals("-")) {
            // In "|19|||||NHS|" 19 is PV1-13 and NHS PV1-18; PV1-14 to -17 are empty.
            text = text.replace("|19|||||NHS|", "|19|||" + pv1Vip + "||NHS|");
        }
        return text;
    }

    @ParameterizedTest(name = "PD1-12 {0}, PV1-16 {1} -> {2}")
    @CsvSource({"-, -, NOT_STATED", "'', -, NOT_STATED", "Y, -, R", "y, -, R", "N, -, U", "N, VIP, R", "-, VIP, R", "-, N, NOT_STATED",
        "N, N, U", "X, -, NOT_STATED"})
    void sensitivityFollowsWhatTheSenderSaid(String protection, String vip, SensitivityFlag expected) {
        Admission a = (Admission) decode(admission(protection, vip));
        assertThat(a.patient().sensitivity()).isEqualTo(expected);
        assertThat(a.patient().sensitivity().isRestricted()).isEqualTo(expected != SensitivityFlag.U);
    }

    @ParameterizedTest(name = "{0} survives encode and decode")
    @CsvSource({"Y, R", "N, U", "-, NOT_STATED"})
    void encodingKeepsTheSensitivity(String protection, SensitivityFlag expected) {
        Admission in = (Admission) decode(admission(protection, "-"));
        for (String version : new String[] {"2.3", "2.4", "2.5"}) {
            byte[] wire = codec.encode(in, WireFormat.hl7v2(version), new FieldTrail());
            Admission out = (Admission) decode(new String(wire, StandardCharsets.UTF_8));
            assertThat(out.patient().sensitivity()).isEqualTo(expected);
            assertThat(ContentDigest.of(out)).isEqualTo(ContentDigest.of(in));
        }
    }

    @ParameterizedTest(name = "A31 without PD1, PD1-12 {0} -> {1}")
    @CsvSource({"-, NOT_STATED", "Y, R"})
    void aPersonUpdateWithoutPd1IsNotStated(String protection, SensitivityFlag expected) {
        String text = Fixtures.text("adt_a31_v24.hl7");
        if (!protection.equals("-")) {
            text = text.replace("PV1|1|N", "PD1" + "|".repeat(12) + protection + "\rPV1|1|N");
        }
        DemographicUpdate u = (DemographicUpdate) decode(text);
        assertThat(u.patient().sensitivity()).isEqualTo(expected);
    }
}
