package io.holdfast.mllp.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({"10.20.0.0/16, 10.20.255.1, true", "10.20.0.0/16, 10.21.0.1, false", "10.20.30.40, 10.20.30.40, true",
        "10.20.30.40, 10.20.30.41, false", "0.0.0.0/0, 203.0.113.9, true", "192.168.1.128/25, 192.168.1.127, false",
        "192.168.1.128/25, 192.168.1.200, true", "10.20.0.0/16, ::ffff:10.20.1.1, true", "10.20.0.0/16, 2001:db8::1, false",
        "2001:db8::/32, 2001:db8:ffff::1, true", "2001:db8::/32, 2001:db9::1, false", "::1, ::1, true", "::1/128, 127.0.0.1, false",
        "fd00::/8, fdff::1, true", "10.20.99.7/16, 10.20.1.1, true"})
    void contains(String range, String peer, boolean expected) throws Exception {
        assertThat(CidrRange.parse(range).contains(InetAddress.getByName(peer))).isEqualTo(expected);
    }

    @Test
    void theNetworkIsMaskedSoTheRangeIsShownAsANetwork() {
        assertThat(CidrRange.parse("10.20.99.7/16")).hasToString("10.20.0.0/16");
        assertThat(CidrRange.parse("10.20.99.7/16")).isEqualTo(CidrRange.parse("10.20.0.0/16"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "pas.trust.nhs.uk", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "::1/129", "10.0.0/8",
        "300.1.1.1", "gg::1"})
    void rejectsAnythingButAnAddressLiteral(String text) {
        assertThatThrownBy(() -> CidrRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
