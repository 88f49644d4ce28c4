package io.holdfast.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.HoldfastException;
import org.junit.jupiter.api.Test;

class PrescriptionIdTest {

    @Test
    void acceptsIdWithCorrectMod37CheckCharacter() {
        String body = "83C40E" + "A23856" + "00123";
        String id = "83C40E-A23856-00123" + PrescriptionId.checkCharacter(body);
        assertThat(new PrescriptionId(id).value()).isEqualTo(id);
    }

    @Test
    void checkCharacterSatisfiesIso7064Mod37_2() {
        String body = "DC2C66A1B2C323407";
        char check = PrescriptionId.checkCharacter(body);
        int total = 0;
        for (char c : body.toCharArray()) {
            total = ((total + Character.digit(c, 36)) * 2) % 37;
        }
        assertThat((total + PrescriptionId.CHECK_ALPHABET.indexOf(check)) % 37).isEqualTo(1);
    }

    @Test
    void rejectsWrongCheckCharacterAndBadShape() {
        String body = "83C40EA2385600123";
        char good = PrescriptionId.checkCharacter(body);
        char bad = good == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> new PrescriptionId("83C40E-A23856-00123" + bad)).isInstanceOf(HoldfastException.class);
        assertThatThrownBy(() -> new PrescriptionId("83C40EA2385600123X")).isInstanceOf(HoldfastException.class);
    }
}
