package io.holdfast.simulator.pds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NhsNumbersTest {

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({"9000000009,true", "9111231130,true", "9000000000,false", "900000000,false", "900000000X,false",
        "9000000051,false", "9434765919,true", "9434765918,false"})
    void modulus11(String number, boolean valid) {
        assertThat(NhsNumbers.isValid(number)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Smith,S530", "Smythe,S530", "Robert,R163", "Rupert,R163", "Ashcraft,A261", "Tymczak,T522", "Pfister,P236"})
    void soundex(String name, String code) {
        assertThat(Soundex.of(name)).isEqualTo(code);
    }
}
