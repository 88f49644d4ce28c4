package io.holdfast.ers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.Referral;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known vectors: the UBRNs of e-RS's published sandbox (A005 scenarios 000000070000…000000070012) and the ways a typed
 * UBRN goes wrong. e-RS publishes no check character for UBRNs (the MOD 37-2 '+' check belongs to EPS prescription ids,
 * canonical-api's PrescriptionId), so the format is the whole rule: 12 ASCII digits.
 */
class UbrnTest {

    @ParameterizedTest
    @CsvSource({"000000070000,000000070000,0000 0007 0000", "000000070012,000000070012,0000 0007 0012",
            "'0000 0007 0001',000000070001,0000 0007 0001", "0000-0007-0005,000000070005,0000 0007 0005",
            "' 123456789012 ',123456789012,1234 5678 9012"})
    void wellFormedUbrnsParse(String typed, String value, String formatted) {
        Ubrn ubrn = Ubrn.parse(typed);
        assertThat(ubrn.value()).isEqualTo(value);
        assertThat(ubrn.formatted()).isEqualTo(formatted);
        assertThat(Ubrn.isValid(value)).isTrue();
        // the canonical Referral accepts exactly what Ubrn accepts
        assertThat(new Referral(value, io.holdfast.api.model.Patient.identifiedBy(io.holdfast.api.model.Identifier.local("PAS", "1")),
                null, null, null, null, "active", null).ubrn()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "00000007000|a UBRN is 12 digits; 11 digits were given",
            "0000000700001|a UBRN is 12 digits; 13 digits were given",
            "1|a UBRN is 12 digits; 1 digit was given",
            "00000007000A|a UBRN is 12 digits; character 12 is not a digit",
            "X00000070000|a UBRN is 12 digits; character 1 is not a digit",
            "0000000700+0|a UBRN is 12 digits; character 11 is not a digit",
            "00000007000٣|a UBRN is 12 digits; character 12 is not a digit",
            "'   '|a UBRN is 12 digits; none was given"})
    void malformedUbrnsSayWhatIsWrongInOneLine(String typed, String message) {
        assertThatThrownBy(() -> Ubrn.parse(typed)).isInstanceOfSatisfying(HoldfastException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_IDENTIFIER);
            assertThat(e.getMessage()).isEqualTo(message).doesNotContain("\n");
        });
        assertThat(Ubrn.isValid(typed)).isFalse();
    }
}
