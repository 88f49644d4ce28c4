package io.holdfast.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FhirJsonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{not json|MALFORMED",
            "{\"name\":\"x\"}|NOT_A_RESOURCE",
            "{\"resourceType\":\"Banana\"}|UNKNOWN_RESOURCE_TYPE",
            "{\"resourceType\":\"Patient\",\"birthDate\":\"22/10/2010\"}|MALFORMED",
            "{\"resourceType\":\"Patient\",\"gender\":\"unicorn\"}|MALFORMED",
            "'   '|EMPTY"})
    void badInputIsATypedProblem(String json, FhirException.Problem problem) {
        assertThatThrownBy(() -> FhirJson.r4().parse(json))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Test
    void invalidValueIsNotQuotedInTheMessage() {
        assertThatThrownBy(() -> FhirJson.r4().parse("{\"resourceType\":\"Patient\",\"birthDate\":\"Smith-1999\"}"))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.getMessage()).doesNotContain("Smith"));
    }

    @Test
    void wrongResourceTypeNamesBothTypes() {
        assertThatThrownBy(() -> FhirJson.r4().parse("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}", Patient.class))
                .isInstanceOfSatisfying(FhirException.class, e -> {
                    assertThat(e.problem()).isEqualTo(FhirException.Problem.WRONG_RESOURCE_TYPE);
                    assertThat(e.getMessage()).contains("Patient").contains("Bundle");
                });
    }

    @Test
    void sizeCapRefusesBeforeParsingAndCountsUtf8Bytes() {
        String json = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + "é".repeat(60) + "\"}]}";
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        assertThat(FhirJson.r4(bytes).parse(json, Patient.class).getNameFirstRep().getFamily()).hasSize(60);
        assertThatThrownBy(() -> FhirJson.r4(bytes - 1).parse(json))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.problem()).isEqualTo(FhirException.Problem.TOO_LARGE));
        assertThatThrownBy(() -> FhirJson.r4(bytes - 1).parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.problem()).isEqualTo(FhirException.Problem.TOO_LARGE));
        assertThat(FhirJson.r4().maxBytes()).isEqualTo(10 * 1024 * 1024);
    }

    @Test
    void unknownElementsAreTolerated() {
        Patient p = FhirJson.r4().parse("{\"resourceType\":\"Patient\",\"futureElement\":true,\"gender\":\"male\"}", Patient.class);
        assertThat(p.getGender().toCode()).isEqualTo("male");
    }

    @Test
    void serializeParsesBack() {
        Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
        b.addEntry().setResource(new Patient().setActive(true));
        Bundle back = FhirJson.r4().parse(FhirJson.r4().serializeBytes(b), Bundle.class);
        assertThat(((Patient) back.getEntryFirstRep().getResource()).getActive()).isTrue();
    }

    @Test
    void oneSharedContextPerVersionEvenUnderConcurrentFirstUse() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FhirContext>> all = pool.invokeAll(List.<Callable<FhirContext>>of(FhirContexts::r4, FhirContexts::r4,
                    FhirContexts::r4, () -> FhirContexts.of(FhirVersion.R4)));
            for (Future<FhirContext> f : all) {
                assertThat(f.get()).isSameAs(FhirContexts.r4());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(FhirContexts.r4().getVersion().getVersion().getFhirVersionString()).startsWith("4.0");
        assertThat(FhirJson.r4().context()).isSameAs(FhirContexts.r4());
    }
}
