package io.holdfast.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirVersionEnum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.junit.jupiter.api.Test;

/**
 * STU3 through our hapi-fhir-base 8.12.1 with hapi-fhir-structures-dstu3 8.8.0 (imports ca.uhn.fhir [8.8,9)) and
 * org.hl7.fhir.dstu3 6.9.12: e-RS's published example ReferralRequest (A013 accept response,
 * NHSDigital/e-referrals-service-api sandbox/src/mocks/acceptReferral/responses/ExampleResponse.json) parses, keeps its
 * e-RS extensions and contained resources, and serialises back to the same content.
 */
class FhirStu3Test {

    @Test
    void theSharedStu3ContextIsStu3AndOneInstance() {
        assertThat(FhirContexts.stu3().getVersion().getVersion()).isEqualTo(FhirVersionEnum.DSTU3);
        assertThat(FhirContexts.of(FhirVersion.STU3)).isSameAs(FhirContexts.stu3());
        assertThat(FhirContexts.of(FhirVersion.R4)).isSameAs(FhirContexts.r4());
    }

    @Test
    void eRsExampleReferralRequestParsesAndSerialisesBack() throws IOException {
        String json = example();
        FhirJson stu3 = FhirJson.stu3(FhirJson.DEFAULT_MAX_BYTES);
        ReferralRequest referral = stu3.parse(json, ReferralRequest.class);

        assertThat(referral.getIdElement().getIdPart()).isEqualTo("000000070000");
        assertThat(referral.getMeta().getVersionId()).isEqualTo("9");
        assertThat(referral.getStatus()).isEqualTo(ReferralRequest.ReferralRequestStatus.ACTIVE);
        assertThat(referral.getSubject().getIdentifier().getValue()).isEqualTo("1000000001");
        assertThat(referral.getSpecialty().getCodingFirstRep().getCode()).isEqualTo("CARDIOLOGY");
        Extension priority = referral.getExtensionByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-eRS-ReferralPriority-1");
        assertThat(priority).isNotNull();
        assertThat(referral.getContained()).extracting(r -> r.fhirType()).contains("List", "Parameters", "Appointment", "DocumentReference");
        DocumentReference doc = (DocumentReference) referral.getContained().stream().filter(DocumentReference.class::isInstance).findFirst()
                .orElseThrow();
        assertThat(doc.getContentFirstRep().getAttachment().getUrl()).isEqualTo("Binary/att-70000-70000");

        String written = stu3.serialize(referral);
        assertThat(written).contains("\"resourceType\":\"ReferralRequest\"", "\"versionId\":\"9\"",
                "Extension-eRS-Commissioning-Rule-Org-1", "\"url\":\"Binary/att-70000-70000\"", "\"intent\":\"plan\"");
        assertThat(stu3.serialize(stu3.parse(written, ReferralRequest.class))).isEqualTo(written);
    }

    @Test
    void anR4OnlyResourceIsNotAStu3Resource() {
        FhirJson stu3 = FhirJson.stu3(FhirJson.DEFAULT_MAX_BYTES);
        assertThatThrownBy(() -> stu3.parse("{\"resourceType\":\"ServiceRequest\",\"status\":\"active\"}"))
                .isInstanceOfSatisfying(FhirException.class, e -> {
                    assertThat(e.problem()).isEqualTo(FhirException.Problem.UNKNOWN_RESOURCE_TYPE);
                    assertThat(e.getMessage()).contains("FHIR STU3");
                });
    }

    private static String example() throws IOException {
        try (InputStream in = FhirStu3Test.class.getResourceAsStream("/stu3/ReferralRequest-accept-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
