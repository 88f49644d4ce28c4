package io.holdfast.eps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.PrescriptionId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Known vectors: the short-form ids of the published EPS examples, the guide's illustration, and one whose check
 * character is '+' (value 36); the check is also verified the way EPS's own validator states it: (total + value of
 * the check character) mod 37 == 1.
 */
class PrescriptionIdsTest {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+";

    @ParameterizedTest
    @CsvSource({
            "EB8B1F, A83008, 42DC8, L",   // examples/primary-care/acute/nominated-pharmacy/medical-prescriber/1-Process-Request-Send-200_OK.json
            "2CAE80, A83008, A2D65, U",   // examples/errors/5-Claim-Request-400_Missing_Endorsement_Code.json
            "E8A23F, A83008, 1C451, X",   // 1-Task-Request-Release-200_OK.json
            "83C40E, A23856, 00123, W",   // Digital Medicines guide, groupIdentifier illustration
            "04F447, A83008, 00029, +"})  // check value 36: '+' instead of ISO 7064's '*'
    void knownVectorsGetTheirCheckCharacter(String random, String ods, String sequence, char check) {
        PrescriptionId id = PrescriptionIds.assemble(random, ods, sequence);
        assertThat(id.value()).isEqualTo(random + "-" + ods + "-" + sequence + check);
        assertThat(epsValidatorAccepts(id.value())).isTrue();
    }

    @Test
    void aDerivedIdIsStableForTheSameOrderAndDiffersForAnother() {
        PrescriptionId a = PrescriptionIds.derive("Order|urn:holdfast:local:EPR|ORD-1", "A83008");
        assertThat(PrescriptionIds.derive("Order|urn:holdfast:local:EPR|ORD-1", "A83008")).isEqualTo(a);
        assertThat(PrescriptionIds.derive("Order|urn:holdfast:local:EPR|ORD-2", "A83008")).isNotEqualTo(a);
        assertThat(a.value()).matches("[0-9A-F]{6}-A83008-[0-9A-F]{5}[0-9A-Z+]");
        assertThat(epsValidatorAccepts(a.value())).isTrue();
    }

    @Test
    void aShortOdsCodeIsZeroPaddedFromTheStart() {
        assertThat(PrescriptionIds.derive("k", "FCG71").value()).contains("-0FCG71-");
        assertThat(PrescriptionIds.random("84H").value()).contains("-00084H-");
        assertThatThrownBy(() -> PrescriptionIds.ods("A-1")).isInstanceOf(HoldfastException.class).hasMessageContaining("3-6 letters");
    }

    @Test
    void randomIdsAreValidAndDistinct() {
        assertThat(PrescriptionIds.random("A83008")).isNotEqualTo(PrescriptionIds.random("A83008"));
        for (int i = 0; i < 200; i++) {
            assertThat(epsValidatorAccepts(PrescriptionIds.random("A83008").value())).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EB8B1F-A83008-42DC8", "EB8B1FA83008-42DC8L", "GB8B1F-A83008-42DC8L", "EB8B1F-A83008-42DC8L-", ""})
    void aBadGroupFormatIsNamedAsSuch(String text) {
        assertThat(PrescriptionIds.problem(text)).get().asString().contains("not in the form XXXXXX-XXXXXX-XXXXXC");
    }

    @Test
    void aWrongCheckCharacterIsNamedWithoutTheRightOne() {
        assertThat(PrescriptionIds.problem("EB8B1F-A83008-42DC8M")).get().asString()
                .contains("wrong check character").doesNotContain("'L'").doesNotContain(" L ");
        assertThat(PrescriptionIds.problem("EB8B1F-A83008-42DC8L")).isEmpty();
        assertThat(PrescriptionIds.problem("04F447-A83008-00029+")).isEmpty();
    }

    /** EPS's validator as published: total over the 17 characters, then (total + value of check) % 37 == 1. */
    private static boolean epsValidatorAccepts(String id) {
        String raw = id.substring(0, id.length() - 1).replace("-", "");
        int total = 0;
        for (char c : raw.toCharArray()) {
            total = ((total + Integer.parseInt(String.valueOf(c), 36)) * 2) % 37;
        }
        return (total + ALPHABET.indexOf(id.charAt(id.length() - 1))) % 37 == 1;
    }
}
