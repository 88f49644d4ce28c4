package io.holdfast.transport.http.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aUuidIsSentAsItIsInLowerCase() {
        assertThat(RequestIds.asUuid("0F8FAD5B-D9CB-469F-A165-70867728950E")).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    @Test
    void anyOtherIdMapsToAVersion5UuidDeterministically() {
        UUID a = UUID.fromString(RequestIds.asUuid("MSG0001|epr"));
        assertThat(a.version()).isEqualTo(5);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(RequestIds.asUuid("MSG0001|epr")).isEqualTo(a.toString());
        assertThat(RequestIds.asUuid("MSG0001|pds")).isNotEqualTo(a.toString());
        assertThat(RequestIds.asUuid("0f8fad5b-d9cb-469f-a165-70867728950")).as("one digit short is not a UUID")
                .isNotEqualTo("0f8fad5b-d9cb-469f-a165-70867728950").matches("[0-9a-f-]{36}");
    }
}
