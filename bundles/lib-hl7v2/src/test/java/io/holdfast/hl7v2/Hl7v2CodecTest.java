package io.holdfast.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.Admission;
import io.holdfast.api.event.Cancellation;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.DemographicUpdate;
import io.holdfast.api.event.Discharge;
import io.holdfast.api.event.KeySystems;
import io.holdfast.api.event.LabResult;
import io.holdfast.api.event.PatientMerge;
import io.holdfast.api.event.PreAdmission;
import io.holdfast.api.event.Registration;
import io.holdfast.api.event.ResultStatus;
import io.holdfast.api.event.Transfer;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7v2CodecTest {
    final Hl7v2Codec codec = new Hl7v2Codec();
    FieldTrail trail = new FieldTrail();

    DecodeResult decode(byte[] bytes) {
        trail = new FieldTrail();
        return codec.decode(bytes, Envelope.of("x", "pas", "mllp:test", WireFormat.hl7v2("2.4")), trail);
    }

    <T extends ClinicalEvent> T single(String fixture, Class<T> type) {
        DecodeResult r = decode(Fixtures.bytes(fixture));
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        List<ClinicalEvent> events = ((DecodeResult.Decoded) r).events();
        assertThat(events).hasSize(1);
        return type.cast(events.get(0));
    }

    @Test
    void admissionV24MapsPatientVisitAndFieldTrail() {
        Admission a = single("adt_a01_v24.hl7", Admission.class);
        assertThat(a.patient().nhsNumber()).contains(NhsNumber.parse("9449305552"));
        assertThat(a.patient().identifiers()).contains(Identifier.local("RXX", "RX1234567"));
        assertThat(a.patient().names().get(0).family()).isEqualTo("SMITH");
        assertThat(a.patient().names().get(0).given()).containsExactly("JOANNE", "MARIE");
        assertThat(a.patient().birthDate()).contains(LocalDate.of(1980, 1, 1));
        assertThat(a.patient().gender()).isEqualTo(Gender.FEMALE);
        assertThat(a.patient().addresses().get(0).postcode()).contains("LS1 4AP");
        assertThat(a.patient().telecom()).extracting(t -> t.value()).containsExactly("01132345678", "07700900123");
        assertThat(a.patient().gpPractice()).contains(new OrganisationRef("B86001"));
        assertThat(a.visit().visitNumber()).isEqualTo(Identifier.local("RXX", "V000123"));
        assertThat(a.visit().facility()).isEqualTo(new OrganisationRef("RXX"));
        assertThat(a.visit().patientClass()).contains("I");
        assertThat(a.visit().location()).contains("WARD14^BAY2^BED3");
        assertThat(a.visit().attending().orElseThrow().identifier().system()).isEqualTo("https://fhir.hl7.org.uk/Id/gmc-number");
        assertThat(a.visit().specialty()).contains("300");
        assertThat(a.admittedAt()).contains(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(a.occurredAt()).contains(Instant.parse("2026-03-01T10:15:00Z"));
        assertThat(a.key().system()).isEqualTo(KeySystems.VISIT);
        assertThat(trail.mappings()).contains(new FieldMapping("PID-3[1].1", "patient.nhsNumber", "", "9449305552"),
                new FieldMapping("PV1-19.1", "visit.visitNumber.value", "", "V000123"),
                new FieldMapping("EVN-2.1", "event.occurredAt", "", "20260301101500"));
        assertThat(trail.size()).isGreaterThan(15);
    }

    @Test
    void summerTimeStampsWithoutOffsetAreLondonLocalTime() {
        String bst = Fixtures.text("adt_a01_v24.hl7").replace("EVN|A01|20260301101500", "EVN|A01|20260701101500");
        Admission a = (Admission) ((DecodeResult.Decoded) decode(bst.getBytes(StandardCharsets.ISO_8859_1))).events().get(0);
        assertThat(a.occurredAt()).contains(Instant.parse("2026-07-01T09:15:00Z"));
    }

    @Test
    void v23WithAUkTelephoneNumberIsAcceptedNotRejectedByUsRules() {
        Admission a = single("adt_a01_v23_uk_phone.hl7", Admission.class);
        assertThat(a.patient().telecom()).extracting(t -> t.value()).containsExactly("01274123456");
        assertThat(a.visit().facility()).isEqualTo(new OrganisationRef("RYY"));
    }

    @Test
    void v25Utf8NamesEmailAndGpFromXon10() {
        Admission a = single("adt_a01_v25.hl7", Admission.class);
        assertThat(a.patient().names().get(0).given()).containsExactly("ZOË");
        assertThat(a.patient().names().get(0).family()).isEqualTo("O'BRIEN");
        assertThat(a.patient().telecom()).singleElement().satisfies(t -> {
            assertThat(t.system()).isEqualTo("email");
            assertThat(t.value()).isEqualTo("zoe@example.nhs.uk");
        });
        assertThat(a.patient().gpPractice()).contains(new OrganisationRef("B82005"));
    }

    @Test
    void latin1NamesDecodeWithMsh18Of8859_1() {
        byte[] latin1 = Fixtures.text("adt_a01_v24.hl7").replace("SMITH^JOANNE", "SMITH^JOSÉ").getBytes(StandardCharsets.ISO_8859_1);
        Admission a = (Admission) ((DecodeResult.Decoded) decode(latin1)).events().get(0);
        assertThat(a.patient().names().get(0).given().get(0)).isEqualTo("JOSÉ");
    }

    @Test
    void emptyMsh18UsesTheListenerDefaultCharset() {
        byte[] utf8 = Fixtures.text("adt_a01_v24.hl7").replace("|8859/1", "").replace("SMITH^JOANNE", "SMITH^ZOË")
                .getBytes(StandardCharsets.UTF_8);
        Envelope env = new Envelope("x", java.util.Optional.empty(), "pas", "mllp:test", Instant.now(), WireFormat.hl7v2("2.4"),
                java.util.Map.of(Hl7v2Codec.ATTR_DEFAULT_CHARSET, "UTF-8"));
        Admission a = (Admission) ((DecodeResult.Decoded) codec.decode(utf8, env, new FieldTrail())).events().get(0);
        assertThat(a.patient().names().get(0).given().get(0)).isEqualTo("ZOË");
    }

    @Test
    void unsupportedCharsetIsRejected() {
        byte[] b = Fixtures.text("adt_a01_v24.hl7").replace("|8859/1", "|KLINGON").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(decode(b)).isEqualTo(DecodeResult.rejected(Hl7v2Codec.UNSUPPORTED_CHARSET,
                "MSH-18 names a character set Holdfast does not support"));
    }

    @Test
    void senderRetryWithNewMsh10AndMsh7HasTheSameKeyAndDigest() {
        Admission first = single("adt_a01_v24.hl7", Admission.class);
        String retry = Fixtures.text("adt_a01_v24.hl7").replace("20260301101512", "20260301102012").replace("0000481516", "0000481999")
                .replace("EVN|A01|20260301101500", "EVN|A01|20260301101900");
        Admission again = (Admission) ((DecodeResult.Decoded) decode(retry.getBytes(StandardCharsets.ISO_8859_1))).events().get(0);
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(again.digest()).isEqualTo(first.digest());
        assertThat(again.occurredAt()).isNotEqualTo(first.occurredAt());
    }

    @Test
    void segmentsEndingInLfOrCrLfAreAccepted() {
        String crlf = Fixtures.text("adt_a01_v24.hl7").replace("\r", "\r\n");
        assertThat(decode(crlf.getBytes(StandardCharsets.ISO_8859_1))).isInstanceOf(DecodeResult.Decoded.class);
        String lf = Fixtures.text("adt_a01_v24.hl7").replace("\r", "\n");
        assertThat(decode(lf.getBytes(StandardCharsets.ISO_8859_1))).isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void transferUsesEvn6AsTransferTimeAndPriorLocation() {
        Transfer t = single("adt_a02_v24.hl7", Transfer.class);
        assertThat(t.transferredAt()).isEqualTo(Instant.parse("2026-03-01T13:55:00Z"));
        assertThat(t.fromLocation()).contains("WARD14^BAY2^BED3");
        assertThat(t.visit().location()).contains("WARD22^BAY1^BED1");
    }

    @Test
    void dischargeHasDischargeTime() {
        Discharge d = single("adt_a03_v24.hl7", Discharge.class);
        assertThat(d.dischargedAt()).contains(Instant.parse("2026-03-05T10:45:00Z"));
    }

    @Test
    void edAttendanceA04IsARegistrationWithAVisit() {
        Registration r = single("adt_a04_v24.hl7", Registration.class);
        assertThat(r.visit()).isPresent();
        assertThat(r.key().system()).isEqualTo(KeySystems.VISIT);
    }

    @Test
    void preAdmissionHasExpectedAdmitTime() {
        PreAdmission p = single("adt_a05_v24.hl7", PreAdmission.class);
        assertThat(p.expectedAdmitAt()).contains(Instant.parse("2026-03-10T07:30:00Z"));
    }

    @Test
    void a08IsAnAmendmentOfTheSamePatientKey() {
        DemographicUpdate u = single("adt_a08_v24.hl7", DemographicUpdate.class);
        DemographicUpdate changed = (DemographicUpdate) ((DecodeResult.Decoded) decode(Fixtures.text("adt_a08_v24.hl7")
                .replace("SMYTH", "SMYTHE").getBytes(StandardCharsets.ISO_8859_1))).events().get(0);
        assertThat(u.key().system()).isEqualTo(KeySystems.PATIENT);
        assertThat(changed.key()).isEqualTo(u.key());
        assertThat(changed.digest()).isNotEqualTo(u.digest());
    }

    @Test
    void cancellationsReferToTheKeysOfTheEventsTheyCancel() {
        Admission a01 = single("adt_a01_v24.hl7", Admission.class);
        Transfer a02 = single("adt_a02_v24.hl7", Transfer.class);
        Discharge a03 = single("adt_a03_v24.hl7", Discharge.class);
        Cancellation a11 = single("adt_a11_v24.hl7", Cancellation.class);
        Cancellation a12 = single("adt_a12_v24.hl7", Cancellation.class);
        Cancellation a13 = single("adt_a13_v24.hl7", Cancellation.class);
        assertThat(a11.cancelled()).isEqualTo(a01.key());
        assertThat(a11.reason()).contains("ENTERED IN ERROR");
        assertThat(a12.cancelled()).isEqualTo(a02.key());
        assertThat(a13.cancelled()).isEqualTo(a03.key());
        assertThat(a11.key()).isNotEqualTo(a13.key());
    }

    @Test
    void personAddAndUpdateHaveNoVisit() {
        Registration a28 = single("adt_a28_v24.hl7", Registration.class);
        DemographicUpdate a31 = single("adt_a31_v24.hl7", DemographicUpdate.class);
        assertThat(a28.visit()).isEmpty();
        assertThat(a28.key().system()).isEqualTo(KeySystems.PATIENT);
        assertThat(a28.patient().gpPractice()).contains(new OrganisationRef("B87002"));
        assertThat(a31.visit()).isEmpty();
    }

    @Test
    void mergeRetiresTheMrgIdentifier() {
        PatientMerge m = single("adt_a40_v24.hl7", PatientMerge.class);
        assertThat(m.retired()).isEqualTo(Identifier.local("RXX", "RX3333334"));
        assertThat(m.patient().nhsNumber()).contains(NhsNumber.parse("9449305595"));
        assertThat(trail.mappings()).anyMatch(f -> f.sourcePath().equals("MRG-1.1") && f.canonicalPath().startsWith("retired."));
    }

    @Test
    void resultsOnePerObrWithTheirObservations() {
        DecodeResult r = decode(Fixtures.bytes("oru_r01_v24.hl7"));
        List<ClinicalEvent> events = ((DecodeResult.Decoded) r).events();
        assertThat(events).hasSize(2);
        LabResult fbc = (LabResult) events.get(0);
        assertThat(fbc.fillerOrderNumber()).isEqualTo(Identifier.local("WINPATH", "LAB26-000123"));
        assertThat(fbc.placerOrderNumber()).contains(Identifier.local("EPR", "ORD445"));
        assertThat(fbc.testCode()).isEqualTo("FBC");
        assertThat(fbc.observations()).extracting(o -> o.code()).containsExactly("HB", "WBC", "PLT");
        assertThat(fbc.observations().get(1).abnormalFlag()).contains("H");
        assertThat(fbc.observations().get(1).unit()).contains("10*9/L");
        assertThat(fbc.status()).isEqualTo(ResultStatus.FINAL);
        LabResult ue = (LabResult) events.get(1);
        assertThat(ue.testCode()).isEqualTo("UE");
        assertThat(ue.observations()).extracting(o -> o.value()).containsExactly("139", "4.2");
    }

    @Test
    void aCorrectedResultKeepsTheKeyAndChangesTheDigest() {
        LabResult fin = (LabResult) ((DecodeResult.Decoded) decode(Fixtures.bytes("oru_r01_v24.hl7"))).events().get(0);
        LabResult corr = (LabResult) ((DecodeResult.Decoded) decode(Fixtures.bytes("oru_r01_v24_corrected.hl7"))).events().get(0);
        assertThat(corr.status()).isEqualTo(ResultStatus.CORRECTED);
        assertThat(corr.key()).isEqualTo(fin.key());
        assertThat(corr.digest()).isNotEqualTo(fin.digest());
        assertThat(corr.occurredAt().orElseThrow()).isAfter(fin.occurredAt().orElseThrow());
    }

    @Test
    void invalidNhsNumberIsRejectedWithoutEchoingIt() {
        DecodeResult r = decode(Fixtures.bytes("adt_a01_invalid_nhs.hl7"));
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Rejected.class, rej -> {
            assertThat(rej.code()).isEqualTo("INVALID_NHS_NUMBER");
            assertThat(rej.reason()).contains("PID-3[1].1").doesNotContain("9449305553");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello world", "PID|1||9449305552^^^NHS^NH\r"})
    void noMshIsRejected(String text) {
        assertThat(decode(text.getBytes(StandardCharsets.ISO_8859_1))).isInstanceOfSatisfying(DecodeResult.Rejected.class,
                rej -> assertThat(rej.code()).isEqualTo(Hl7v2Codec.NO_MSH));
    }

    /** Delimiters no field can be read with: rejected, never parsed into an "unmapped" message (issue 12 point 2). */
    @ParameterizedTest
    @ValueSource(strings = {"MSH", "MSH\rPID|1||9449305552^^^NHS^NH\r", "MSHA^~\\&|PAS|RXX\r", "MSH|^^^^|PAS|RXX|EPR|RXX|20260301||ADT^A01|M1|P|2.4\r",
        "MSH|^~|PAS|RXX|EPR|RXX|20260301||ADT^A01|M1|P|2.4\r", "MSH|^~\\||PAS|RXX|EPR|RXX|20260301||ADT^A01|M1|P|2.4\r",
        "MSH|^~A&|PAS|RXX\r", "MSH|^~\\&^|PAS\r"})
    void mshWithUnusableDelimitersIsRejected(String text) {
        assertThat(decode(text.getBytes(StandardCharsets.ISO_8859_1))).isInstanceOfSatisfying(DecodeResult.Rejected.class, rej -> {
            assertThat(rej.code()).isEqualTo(Hl7v2Codec.MALFORMED_MSH);
            assertThat(rej.reason()).startsWith("MSH");
        });
    }

    @Test
    void missingVisitNumberIsRejected() {
        String noVisit = Fixtures.text("adt_a01_v24.hl7").replace("V000123^^^RXX^VN", "");
        assertThat(decode(noVisit.getBytes(StandardCharsets.ISO_8859_1))).isInstanceOfSatisfying(DecodeResult.Rejected.class,
                rej -> assertThat(rej.code()).isEqualTo("MISSING_FIELD"));
    }

    @Test
    void badTimestampIsRejected() {
        String bad = Fixtures.text("adt_a01_v24.hl7").replace("EVN|A01|20260301101500", "EVN|A01|2026-03-01");
        assertThat(decode(bad.getBytes(StandardCharsets.ISO_8859_1))).isInstanceOfSatisfying(DecodeResult.Rejected.class,
                rej -> assertThat(rej.code()).isEqualTo("INVALID_VALUE"));
    }

    @Test
    void unmappedTypesAreUnmapped() {
        assertThat(decode(Fixtures.bytes("adt_a60_v25.hl7"))).isEqualTo(new DecodeResult.Unmapped("ADT^A60"));
        String siu = "MSH|^~\\&|PAS|RXX|EPR|RXX|20260301101512||SIU^S12|S1|P|2.4\rSCH|1\r";
        assertThat(decode(siu.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(new DecodeResult.Unmapped("SIU^S12"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"adt_a01_v24.hl7", "adt_a02_v24.hl7", "adt_a03_v24.hl7", "adt_a04_v24.hl7", "adt_a05_v24.hl7",
            "adt_a08_v24.hl7", "adt_a11_v24.hl7", "adt_a12_v24.hl7", "adt_a13_v24.hl7", "adt_a28_v24.hl7", "adt_a31_v24.hl7",
            "adt_a40_v24.hl7", "adt_a01_v25.hl7", "oru_r01_v24.hl7"})
    void encodeThenDecodeKeepsKeyAndDigest(String fixture) {
        List<ClinicalEvent> in = ((DecodeResult.Decoded) decode(Fixtures.bytes(fixture))).events();
        for (String version : new String[] {"2.3", "2.4", "2.5"}) {
            FieldTrail out = new FieldTrail();
            byte[] wire = codec.encode(in.get(0), WireFormat.hl7v2(version), out);
            assertThat(out.mappings()).isNotEmpty();
            DecodeResult back = decode(wire);
            assertThat(back).as(new String(wire, StandardCharsets.UTF_8)).isInstanceOf(DecodeResult.Decoded.class);
            ClinicalEvent again = ((DecodeResult.Decoded) back).events().get(0);
            assertThat(again.key()).isEqualTo(in.get(0).key());
            assertThat(again.digest()).as(new String(wire, StandardCharsets.UTF_8)).isEqualTo(in.get(0).digest());
        }
    }
}
