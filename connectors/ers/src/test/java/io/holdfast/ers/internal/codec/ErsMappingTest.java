package io.holdfast.ers.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.Referral;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.WorklistItem;
import io.holdfast.fhir.FhirJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.junit.jupiter.api.Test;

/** e-RS's published STU3 examples mapped to the canonical model with FHIRPath field records, and the ERS:STU3 codec's round trip. */
class ErsMappingTest {

    @Test
    void theSpecsAcceptResponseMapsToACanonicalReferralKeyedByUbrn() throws IOException {
        FieldTrail trail = new FieldTrail();
        ReferralRequest r = FhirJson.stu3(FhirJson.DEFAULT_MAX_BYTES).parse(resource("ReferralRequest-accept-example.json"), ReferralRequest.class);
        ErsReferral mapped = ReferralMapping.toErsReferral(r, trail);

        Referral ref = mapped.referral();
        assertThat(ref.ubrn()).isEqualTo("000000070000");
        assertThat(ref.key().value()).isEqualTo("000000070000");
        assertThat(ref.patient().nhsNumber()).contains(NhsNumber.parse("1000000001"));
        assertThat(ref.specialty()).contains("CARDIOLOGY");
        assertThat(ref.priority()).contains("ROUTINE");
        assertThat(ref.status()).isEqualTo("active");
        assertThat(mapped.versionId()).isEqualTo("9");
        assertThat(mapped.attachments()).singleElement().satisfies(a -> {
            assertThat(a.binaryId()).isEqualTo("att-70000-70000");
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.title()).isEqualTo("upload.png");
            assertThat(a.size()).contains(6L);
        });
        assertThat(trail.mappings()).extracting(FieldMapping::sourcePath).contains("ReferralRequest.id",
                "ReferralRequest.subject.identifier.value", "ReferralRequest.specialty.coding[0].code",
                "ReferralRequest.extension('https://fhir.nhs.uk/STU3/StructureDefinition/Extension-eRS-ReferralPriority-1').value.coding[0].code",
                "ReferralRequest.status", "ReferralRequest.meta.versionId");
    }

    @Test
    void theErsStateExtensionIsTheStatusWhenPresent() {
        String json = "{\"resourceType\":\"ReferralRequest\",\"id\":\"000000070004\",\"meta\":{\"versionId\":\"3\"},\"status\":\"active\","
                + "\"intent\":\"plan\",\"subject\":{\"identifier\":{\"system\":\"http://fhir.nhs.net/Id/nhs-number\",\"value\":\"9000000009\"}},"
                + "\"extension\":[{\"url\":\"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-eRS-ReferralState-1\",\"extension\":["
                + "{\"url\":\"state\",\"valueCoding\":{\"system\":\"https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReferralState-1\",\"code\":\"REJECTED\","
                + "\"display\":\"Rejected\"}}]}]}";
        ErsReferral mapped = ReferralMapping.toErsReferral(FhirJson.stu3(FhirJson.DEFAULT_MAX_BYTES).parse(json, ReferralRequest.class), new FieldTrail());
        assertThat(mapped.state()).contains("REJECTED");
        assertThat(mapped.referral().status()).isEqualTo("REJECTED");
    }

    @Test
    void theCodecEncodesARoutedReferralDeterministicallyAndReadsItBack() {
        Referral referral = new Referral("000000070001", Patient.identifiedBy(Identifier.of(NhsNumber.parse("9000000009"))), Optional.empty(),
                Optional.empty(), Optional.of("CARDIOLOGY"), Optional.of("URGENT"), "accepted", Optional.empty());
        ErsStu3Codec codec = new ErsStu3Codec(FhirJson.DEFAULT_MAX_BYTES);
        FieldTrail out = new FieldTrail();
        byte[] first = codec.encode(referral, ErsStu3Codec.FORMAT, out);
        assertThat(codec.encode(referral, ErsStu3Codec.FORMAT, new FieldTrail())).isEqualTo(first);
        assertThat(out.mappings()).extracting(FieldMapping::targetPath).contains("ReferralRequest.id", "ReferralRequest.subject.identifier.value");

        DecodeResult back = codec.decode(first, Envelope.of("m1", "epr", "test", ErsStu3Codec.FORMAT), new FieldTrail());
        assertThat(back).isInstanceOfSatisfying(DecodeResult.Decoded.class, d -> assertThat(d.events()).containsExactly(referral));
    }

    @Test
    void somethingElseIsRejectedNotThrown() {
        DecodeResult r = new ErsStu3Codec(1024).decode("{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8),
                Envelope.of("m2", "epr", "test", ErsStu3Codec.FORMAT), new FieldTrail());
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Rejected.class, x -> assertThat(x.code()).isEqualTo("WRONG_RESOURCE_TYPE"));
    }

    @Test
    void theSpecsWorklistExampleListsUbrnsWithTheirItemDetails() throws IOException {
        List<WorklistItem> items = WorklistMapping.items(resource("Worklist-referrals-for-review.json").getBytes(StandardCharsets.UTF_8));
        assertThat(items).extracting(i -> i.ubrn().value()).containsExactly("000000070002", "000000070001");
        assertThat(items.get(0).priority()).contains("ROUTINE");
        assertThat(items.get(0).specialty()).contains("CARDIOLOGY");
        assertThat(items.get(0).referralType()).contains("TRIAGE_DEFERRAL");
        assertThat(items.get(0).reviewStatus()).contains("NEVER_REVIEWED");
        assertThat(items.get(1).specialty()).isEmpty();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ErsMappingTest.class.getResourceAsStream("/spec/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
