package io.holdfast.mesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MeshMessageIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"20210311101813838554_1B8F53", "20200529155357895317_3573f8"})
    void acceptsTheMeshFormat(String id) {
        assertThat(MeshMessageId.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../../etc/passwd", "20210311101813838554_1B8F5", "20210311101813838554_1B8F5G",
            "2021031110181383855_1B8F53", "20210311101813838554-1B8F53", "20210311101813838554_1B8F53/../x",
            "20210311101813838554_1B8F53\n", "x20210311101813838554_1B8F53"})
    void refusesAnythingElse(String id) {
        assertThat(MeshMessageId.isValid(id)).isFalse();
    }

    @Test
    void createsIdsInTheFormatWithMicroseconds() {
        String id = MeshMessageId.create(Instant.parse("2021-03-11T10:18:13.838554Z"), 0x1B8F53);
        assertThat(id).isEqualTo("20210311101813838554_1B8F53");
        assertThat(MeshMessageId.isValid(id)).isTrue();
    }

    @Test
    void logFormCannotForgeALogLine() {
        assertThat(MeshMessageId.forLog("bad\nINFO forged")).doesNotContain("\n").contains("not a MESH message id");
        assertThat(MeshMessageId.forLog("x".repeat(500))).hasSizeLessThan(80);
    }
}
