package io.holdfast.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.InvalidNhsNumberException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", "943-476-5919", "9000000009", "9449305552", "9000000025"})
    void acceptsValidNumbersInAnyFormat(String text) {
        assertThat(NhsNumber.parse(text).value()).hasSize(10).containsOnlyDigits();
    }

    @Test
    void formatsAsThreeThreeFour() {
        assertThat(NhsNumber.parse("9434765919").formatted()).isEqualTo("943 476 5919");
    }

    @Test
    void rejectsWrongCheckDigit() {
        assertThatThrownBy(() -> NhsNumber.parse("9434765918"))
                .isInstanceOf(InvalidNhsNumberException.class)
                .hasMessageContaining("check digit")
                .satisfies(e -> assertThat(((InvalidNhsNumberException) e).errorCode()).isEqualTo(ErrorCode.INVALID_NHS_NUMBER));
    }

    @Test
    void rejectsNumbersWhoseCheckDigitWouldBeTen() {
        // 2 x weight 6 = 12, remainder 1 -> check 10: no valid number starts 000020000.
        assertThat(NhsNumber.checkDigit("0000200000")).isEqualTo(10);
        assertThatThrownBy(() -> NhsNumber.parse("0000200000")).hasMessageContaining("10");
        // PDS's "invalid" sandbox number fails the check digit.
        assertThatThrownBy(() -> NhsNumber.parse("9000000000")).isInstanceOf(InvalidNhsNumberException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "94347659190", "94347 6591X", "943.476.5919"})
    void rejectsMalformedInput(String text) {
        assertThatThrownBy(() -> NhsNumber.parse(text)).isInstanceOf(InvalidNhsNumberException.class);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> NhsNumber.parse(null)).isInstanceOf(InvalidNhsNumberException.class);
    }

    @Test
    void errorMessageNeverEchoesTheValue() {
        assertThatThrownBy(() -> NhsNumber.parse("9434765918")).message().doesNotContain("9434765918");
    }

    @Test
    void toStringMasksTheNumber() {
        assertThat(NhsNumber.parse("9434765919").toString()).doesNotContain("943476").contains("5919");
    }

    @Test
    void equalityIsByDigits() {
        assertThat(NhsNumber.parse("943 476 5919")).isEqualTo(NhsNumber.parse("9434765919"))
                .hasSameHashCodeAs(NhsNumber.parse("9434765919"));
        assertThat(NhsNumber.isValid("9434765919")).isTrue();
        assertThat(NhsNumber.isValid("9434765918")).isFalse();
    }
}
