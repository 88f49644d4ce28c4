package io.holdfast.fhir;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.DemographicUpdate;
import io.holdfast.api.event.LabResult;
import io.holdfast.api.event.Observation;
import io.holdfast.api.event.ResultStatus;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.SensitivityFlag;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FhirR4CodecTest {
    private final FhirR4Codec codec = new FhirR4Codec();
    private final Envelope envelope = Envelope.of("msg-1", "trust-epr", "fhir:/inbound", WireFormat.fhirR4());

    @Test
    void formatIsFhirR4() {
        assertThat(codec.format()).isEqualTo(WireFormat.fhirR4());
    }

    @Test
    void patientDecodesToDemographicUpdate() {
        FieldTrail trail = FieldTrail.empty();
        DecodeResult r = codec.decode(bytes(Fixtures.json("pds-patient-9000000009.json")), envelope, trail);
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Decoded.class, d -> {
            assertThat(d.events()).singleElement().isInstanceOfSatisfying(DemographicUpdate.class, u -> {
                assertThat(u.patient().nhsNumber()).contains(NhsNumber.parse("9000000009"));
                assertThat(u.key().system()).isEqualTo("urn:holdfast:key:patient");
            });
        });
        assertThat(trail.size()).isGreaterThan(10);
    }

    @Test
    void transactionBundleDecodesToOneLabResultWithItsPatientAndObservations() {
        FieldTrail trail = FieldTrail.empty();
        DecodeResult r = codec.decode(bytes(Fixtures.json("lab-transaction.json")), envelope, trail);
        LabResult lab = (LabResult) ((DecodeResult.Decoded) r).events().get(0);
        assertThat(((DecodeResult.Decoded) r).events()).hasSize(1);
        assertThat(lab.patient().nhsNumber()).contains(NhsNumber.parse("9449305552"));
        assertThat(lab.patient().sensitivity()).isEqualTo(SensitivityFlag.NOT_STATED);
        assertThat(lab.fillerOrderNumber()).isEqualTo(new Identifier("https://lab.example.nhs.uk/Id/filler", "LAB-0001"));
        assertThat(lab.testCode()).isEqualTo("26958001");
        assertThat(lab.testName()).isEqualTo("Liver function test");
        assertThat(lab.status()).isEqualTo(ResultStatus.FINAL);
        assertThat(lab.observedAt()).contains(Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(lab.occurredAt()).contains(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(lab.observations()).containsExactly(new Observation("2823-3", "http://loinc.org", "Potassium", "5.9", "NM",
                Optional.of("mmol/L"), Optional.of("3.5-5.3"), Optional.of("H"), ResultStatus.FINAL));
        assertThat(trail.mappings()).extracting(FieldMapping::sourcePath).contains(
                "DiagnosticReport.result[0].resolve().valueQuantity.value",
                "DiagnosticReport.identifier.where(system='https://lab.example.nhs.uk/Id/filler').value");
    }

    @Test
    void labResultEncodesToATransactionBundleThatDecodesBackEqual() {
        LabResult lab = (LabResult) ((DecodeResult.Decoded) codec.decode(bytes(Fixtures.json("lab-transaction.json")),
                envelope, FieldTrail.empty())).events().get(0);
        FieldTrail out = FieldTrail.empty();
        byte[] wire = codec.encode(lab, WireFormat.fhirR4(), out);

        Bundle bundle = FhirJson.r4().parse(wire, Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactly("Patient", "Observation", "DiagnosticReport");
        assertThat(bundle.getEntry().get(0).getRequest().getIfNoneExist()).isEqualTo("identifier=" + NhsNumber.SYSTEM + "|9449305552");
        DecodeResult back = codec.decode(wire, envelope, FieldTrail.empty());
        assertThat(((DecodeResult.Decoded) back).events()).containsExactly(lab);
        assertThat(codec.encode(lab, WireFormat.fhirR4(), FieldTrail.empty())).as("retries are byte-identical").isEqualTo(wire);
        assertThat(out.mappings()).extracting(FieldMapping::targetPath).contains("DiagnosticReport.code.coding[0].code",
                "Observation.valueQuantity.value");
    }

    @Test
    void demographicUpdateRoundTrips() {
        DemographicUpdate update = (DemographicUpdate) ((DecodeResult.Decoded) codec.decode(
                bytes(Fixtures.json("pds-patient-restricted-9000000025.json")), envelope, FieldTrail.empty())).events().get(0);
        byte[] wire = codec.encode(update, WireFormat.fhirR4(), FieldTrail.empty());
        DemographicUpdate back = (DemographicUpdate) ((DecodeResult.Decoded) codec.decode(wire, envelope, FieldTrail.empty())).events().get(0);
        assertThat(back.patient()).isEqualTo(update.patient());
        assertThat(back.patient().sensitivity()).isEqualTo(SensitivityFlag.R);
    }

    @Test
    void loneObservationWithSubjectIdentifierIsALabResult() {
        String json = """
                {"resourceType":"Observation","status":"preliminary","identifier":[{"system":"urn:lab","value":"F9"}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"718-7","display":"Haemoglobin"}]},
                 "subject":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9449305552"}},
                 "valueString":"see comment"}""";
        LabResult lab = (LabResult) ((DecodeResult.Decoded) codec.decode(bytes(json), envelope, FieldTrail.empty())).events().get(0);
        assertThat(lab.patient().nhsNumber()).contains(NhsNumber.parse("9449305552"));
        assertThat(lab.status()).isEqualTo(ResultStatus.PRELIMINARY);
        assertThat(lab.observations()).singleElement().satisfies(o -> {
            assertThat(o.value()).isEqualTo("see comment");
            assertThat(o.valueType()).isEqualTo("ST");
        });
    }

    @Test
    void reportWithContainedPatientAndObservationAndPlacerNumber() {
        String json = """
                {"resourceType":"DiagnosticReport","status":"amended",
                 "contained":[{"resourceType":"Patient","id":"p","identifier":[{"system":"urn:holdfast:local:RXX01","value":"MRN7"}]},
                              {"resourceType":"Observation","id":"o","status":"amended","code":{"coding":[{"code":"HB"}]},
                               "valueCodeableConcept":{"coding":[{"code":"POS"}]}}],
                 "identifier":[{"type":{"coding":[{"code":"PLAC"}]},"system":"urn:placer","value":"P1"},
                               {"system":"urn:filler","value":"F1"}],
                 "code":{"coding":[{"code":"FBC"}],"text":"Full blood count"},
                 "subject":{"reference":"#p"},"result":[{"reference":"#o"}]}""";
        LabResult lab = (LabResult) ((DecodeResult.Decoded) codec.decode(bytes(json), envelope, FieldTrail.empty())).events().get(0);
        assertThat(lab.patient().primaryIdentifier()).isEqualTo(Identifier.local("RXX01", "MRN7"));
        assertThat(lab.fillerOrderNumber()).isEqualTo(new Identifier("urn:filler", "F1"));
        assertThat(lab.placerOrderNumber()).contains(new Identifier("urn:placer", "P1"));
        assertThat(lab.testName()).isEqualTo("Full blood count");
        assertThat(lab.status()).isEqualTo(ResultStatus.CORRECTED);
        assertThat(lab.observations()).singleElement().satisfies(o -> {
            assertThat(o.value()).isEqualTo("POS");
            assertThat(o.valueType()).isEqualTo("CE");
        });
    }

    @Test
    void reportWhoseResultIsNotInTheMessageIsRejectedNotHalfMapped() {
        String json = """
                {"resourceType":"DiagnosticReport","status":"final","identifier":[{"system":"urn:lab","value":"F1"}],
                 "code":{"coding":[{"code":"X"}]},"subject":{"identifier":{"system":"urn:mrn","value":"1"}},
                 "result":[{"reference":"Observation/elsewhere"}]}""";
        assertThat(codec.decode(bytes(json), envelope, FieldTrail.empty())).isInstanceOfSatisfying(DecodeResult.Rejected.class,
                r -> {
                    assertThat(r.code()).isEqualTo("MISSING_FIELD");
                    assertThat(r.reason()).contains("DiagnosticReport.result[0]");
                });
    }

    @Test
    void badInputIsRejectedWithTheProblemAsCode() {
        assertThat(codec.decode(bytes("{oops"), envelope, FieldTrail.empty()))
                .isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> assertThat(r.code()).isEqualTo("MALFORMED"));
        assertThat(codec.decode(new byte[0], envelope, FieldTrail.empty()))
                .isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> assertThat(r.code()).isEqualTo("EMPTY"));
        String badNhs = """
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"1234567890"}]}""";
        assertThat(codec.decode(bytes(badNhs), envelope, FieldTrail.empty()))
                .isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo("INVALID_NHS_NUMBER");
                    assertThat(r.reason()).doesNotContain("1234567890");
                });
        FhirR4Codec small = new FhirR4Codec(FhirJson.r4(64));
        assertThat(small.decode(bytes(Fixtures.json("pds-patient-9000000009.json")), envelope, FieldTrail.empty()))
                .isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> assertThat(r.code()).isEqualTo("TOO_LARGE"));
    }

    @Test
    void otherResourceTypesAreUnmapped() {
        assertThat(codec.decode(bytes("{\"resourceType\":\"Practitioner\"}"), envelope, FieldTrail.empty()))
                .isEqualTo(new DecodeResult.Unmapped("Practitioner"));
        assertThat(codec.decode(bytes("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}"), envelope, FieldTrail.empty()))
                .isEqualTo(new DecodeResult.Unmapped("Bundle"));
    }

    @Test
    void eventsTheCodecCannotExpressAreInvalidEvent() {
        ClinicalEvent other = new ClinicalEvent() {
            @Override
            public String type() {
                return "acme.BedState";
            }

            @Override
            public io.holdfast.api.event.EventKey key() {
                return new io.holdfast.api.event.EventKey("acme.BedState", "urn:acme", "1");
            }

            @Override
            public Optional<Identifier> subject() {
                return Optional.empty();
            }

            @Override
            public Optional<Instant> occurredAt() {
                return Optional.empty();
            }
        };
        assertThatThrownBy(() -> codec.encode(other, WireFormat.fhirR4(), FieldTrail.empty()))
                .isInstanceOf(HoldfastException.class).hasMessageContaining("acme.BedState");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
