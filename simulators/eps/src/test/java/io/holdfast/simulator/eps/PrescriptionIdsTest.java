package io.holdfast.simulator.eps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MOD 37-2 (ISO/IEC 7064) check characters against the short-form IDs in NHS England's published EPS examples. */
class PrescriptionIdsTest {

    /**
     * examples/primary-care/acute/nominated-pharmacy/medical-prescriber/1-Process-Request-Send-200_OK.json (EB8B1F…),
     * cancellations/2-Process-Request-Cancel-200_OK.json (5018BB…) and 2-Process-Response-Cancel-200_OK.json (24F5DA…),
     * secondary-care/homecare/…/1-Task-Request-Release-200_OK.json (A0548B…), 4-Claim-Request-200_OK.json (0EB38D…),
     * electronic-prescription-service-api.yaml GET /Task parameter example (D7AC09…), and the sandbox's 18B064… and 003D4D….
     */
    @ParameterizedTest
    @ValueSource(strings = {"EB8B1F-A83008-42DC8L", "5018BB-A83008-4E5885", "24F5DA-A83008-7EFE6Z", "A0548B-A99968-451485",
            "0EB38D-A99968-424EAR", "D7AC09-A99968-4BA59C", "18B064-A99968-4BCAA3", "003D4D-A99968-4C5AAJ"})
    void publishedIdsAreValid(String id) {
        assertThat(PrescriptionIds.checkCharacter(id.substring(0, 19))).isEqualTo(id.charAt(19));
        assertThat(PrescriptionIds.problem(id)).isEmpty();
    }

    /** '+' is the alphabet's 37th symbol (value 36): the check of this body is computed by the recursion the vectors above pin. */
    @Test
    void plusIsACheckCharacter() {
        assertThat(PrescriptionIds.checkCharacter("EB8B1F-A83008-0006F")).isEqualTo('+');
        assertThat(PrescriptionIds.isValid("EB8B1F-A83008-0006F+")).isTrue();
        assertThat(PrescriptionIds.problem("EB8B1F-A83008-0006FA")).contains("prescription ID 'EB8B1F-A83008-0006FA' has invalid checksum");
    }

    /** Identifier-ShortFormPrescriptionId.yaml's example value 2BE1EA-L36920-0353AW does not pass MOD 37-2 (its check is B). */
    @Test
    void theSchemaExampleValueIsNotAValidId() {
        assertThat(PrescriptionIds.checkCharacter("2BE1EA-L36920-0353A")).isEqualTo('B');
        assertThat(PrescriptionIds.isValid("2BE1EA-L36920-0353AW")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EB8B1F-A83008-42DC8M", "EB8B1F-A83008-42DC8+", "5018BB-A83008-4E5886"})
    void aWrongCheckCharacterIsAnInvalidChecksum(String id) {
        assertThat(PrescriptionIds.hasShortForm(id)).isTrue();
        assertThat(PrescriptionIds.problem(id)).hasValueSatisfying(p -> assertThat(p).endsWith("has invalid checksum"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EB8B1FA83008-42DC8L", "eb8b1f-a83008-42dc8l", "EB8B1F-A83008-42DC8", "GB8B1F-A83008-42DC8L",
            "EB8B1F-A83008-42DC8LL", "EB8B1F-A8300-842DC8L", "7fc6e3af-fb13-42e9-b6a0-d97bc3e6b76f"})
    void otherShapesAreNotShortFormIds(String id) {
        assertThat(PrescriptionIds.hasShortForm(id)).isFalse();
        assertThat(PrescriptionIds.problem(id)).hasValueSatisfying(p -> assertThat(p).contains("is not of the form XXXXXX-XXXXXX-XXXXXC"));
    }

    @Test
    void generatedIdsAreValidAndCarryThePaddedOdsCode() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            String id = PrescriptionIds.generate("FCG71", random);
            assertThat(id).matches("[0-9A-F]{6}-0FCG71-[0-9A-F]{5}[0-9A-Z+]");
            assertThat(PrescriptionIds.isValid(id)).as(id).isTrue();
        }
        assertThatThrownBy(() -> PrescriptionIds.generate("TOOLONG", random)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrescriptionIds.checkCharacter("EB8B1F-a83008")).isInstanceOf(IllegalArgumentException.class);
    }
}
