package io.holdfast.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.LabResult;
import io.holdfast.api.event.ResultStatus;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ORU forms a UK laboratory or point-of-care feed sends besides the single-patient ORU^R01. */
class ResultVariantsTest {
    final Hl7v2Codec codec = new Hl7v2Codec();
    FieldTrail trail = new FieldTrail();

    DecodeResult decode(byte[] bytes) {
        trail = new FieldTrail();
        return codec.decode(bytes, Envelope.of("x", "winpath", "mllp:results", WireFormat.hl7v2("2.4")), trail);
    }

    List<LabResult> results(byte[] bytes) {
        DecodeResult r = decode(bytes);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        List<ClinicalEvent> events = ((DecodeResult.Decoded) r).events();
        return events.stream().map(LabResult.class::cast).toList();
    }

    @Test
    void aBatchWithTwoPatientsFilesEachResultUnderItsOwnPatient() {
        List<LabResult> results = results(Fixtures.bytes("oru_r01_v24_two_patients.hl7"));
        assertThat(results).hasSize(2);
        LabResult fbc = results.get(0);
        LabResult ue = results.get(1);
        assertThat(fbc.patient().nhsNumber()).contains(NhsNumber.parse("9449305552"));
        assertThat(ue.patient().nhsNumber()).contains(NhsNumber.parse("9449306060"));
        assertThat(ue.patient().names().get(0).family()).isEqualTo("PATEL");
        assertThat(ue.observations()).extracting(o -> o.code()).containsExactly("NA", "K");
        assertThat(fbc.observations()).extracting(o -> o.code()).containsExactly("HB");
        assertThat(trail.mappings()).contains(new FieldMapping("PID[2]-3[1].1", "patient.nhsNumber", "", "9449306060"));
    }

    @Test
    void aFillerOrderNumberOnlyInOrc3IsUsed() {
        LabResult ue = results(Fixtures.bytes("oru_r01_v24_two_patients.hl7")).get(1);
        assertThat(ue.fillerOrderNumber()).isEqualTo(Identifier.local("WINPATH", "LAB26-000778"));
        assertThat(ue.placerOrderNumber()).contains(Identifier.local("ICE", "ICE0001300"));
        assertThat(ue.key().value()).isEqualTo("LAB26-000778|UE");
        assertThat(trail.mappings()).contains(new FieldMapping("ORC-3.1", "result.fillerOrderNumber.value", "", "LAB26-000778"));
    }

    @Test
    void anOrcBelongsOnlyToTheObrAfterIt() {
        String text = Fixtures.text("oru_r01_v24_two_patients.hl7");
        // move patient 2's ORC before patient 1's OBR: patient 2's OBR then has no filler number anywhere
        String orc = text.substring(text.indexOf("ORC|"), text.indexOf('\r', text.indexOf("ORC|")) + 1);
        String moved = text.replace(orc, "").replace("OBR|1|ICE0001234", orc + "OBR|1|ICE0001234");
        DecodeResult r = decode(moved.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Rejected.class, rej -> {
            assertThat(rej.code()).isEqualTo("MISSING_FIELD");
            assertThat(rej.reason()).contains("OBR[2]-3.1", "filler order number");
        });
    }

    @Test
    void aResultWithNoFillerNumberInObrOrOrcIsRejected() {
        String text = Fixtures.text("oru_r01_v24_two_patients.hl7").replace("LAB26-000778^WINPATH", "");
        DecodeResult r = decode(text.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Rejected.class, rej -> assertThat(rej.code()).isEqualTo("MISSING_FIELD"));
    }

    @Test
    void pointOfCareR30MapsLikeAnR01() {
        List<LabResult> results = results(Fixtures.bytes("oru_r30_v25.hl7"));
        assertThat(results).hasSize(1);
        LabResult gas = results.get(0);
        assertThat(gas.fillerOrderNumber()).isEqualTo(Identifier.local("POCT", "POC26-000042"));
        assertThat(gas.placerOrderNumber()).isEmpty();
        assertThat(gas.testCode()).isEqualTo("BG");
        assertThat(gas.observations()).extracting(o -> o.value()).containsExactly("7.38", "5.1");
        assertThat(gas.status()).isEqualTo(ResultStatus.FINAL);
        assertThat(gas.patient().nhsNumber()).contains(NhsNumber.parse("9449305552"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"R31", "R32"})
    void pointOfCareR31AndR32AreResultsToo(String trigger) {
        String text = Fixtures.text("oru_r30_v25.hl7").replace("ORU^R30^ORU_R30", "ORU^" + trigger + "^ORU_R30");
        assertThat(results(text.getBytes(StandardCharsets.ISO_8859_1))).singleElement()
                .satisfies(r -> assertThat(r.testCode()).isEqualTo("BG"));
    }

    @Test
    void anOruWithoutObrIsRejected() {
        String text = Fixtures.text("oru_r30_v25.hl7");
        String noObr = text.replaceAll("OBR\\|[^\r]*\r", "");
        DecodeResult r = decode(noObr.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Rejected.class, rej -> {
            assertThat(rej.code()).isEqualTo("MISSING_FIELD");
            assertThat(rej.reason()).contains("ORU^R30", "no OBR");
        });
    }

    @Test
    void theSinglePatientR01KeepsItsKeysAndDigests() {
        List<LabResult> results = results(Fixtures.bytes("oru_r01_v24.hl7"));
        assertThat(results).extracting(r -> r.key().value()).containsExactly("LAB26-000123|FBC", "LAB26-000124|UE");
        assertThat(results).allSatisfy(r -> assertThat(r.patient().nhsNumber()).contains(NhsNumber.parse("9449305552")));
    }
}
