package io.holdfast.mesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChunkRangeTest {

    @Test
    void parsesAndFormats() {
        assertThat(ChunkRange.parse("1:4")).contains(new ChunkRange(1, 4));
        assertThat(ChunkRange.parse(" 4 : 4 ")).hasValueSatisfying(r -> assertThat(r.last()).isTrue());
        assertThat(new ChunkRange(2, 3).header()).isEqualTo("2:3");
        assertThatThrownBy(() -> new ChunkRange(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1:", ":1", "a:b", "0:1", "3:2", "1:2:3", "-1:2"})
    void malformedRangesAreEmpty(String header) {
        assertThat(ChunkRange.parse(header)).isEmpty();
    }

    @Test
    void chunkCount() {
        assertThat(ChunkRange.chunksFor(0, 10)).isEqualTo(1);
        assertThat(ChunkRange.chunksFor(10, 10)).isEqualTo(1);
        assertThat(ChunkRange.chunksFor(11, 10)).isEqualTo(2);
        assertThat(ChunkRange.chunksFor(100L * 1024 * 1024, 75L * 1024 * 1024)).isEqualTo(2);
    }

    @Test
    void checksumsOnlyVerifyTheSha256Form() {
        String hex = "a".repeat(64);
        assertThat(MeshChecksum.verifiableSha256("sha256:" + hex)).contains(hex);
        assertThat(MeshChecksum.verifiableSha256("SHA256:" + hex.toUpperCase())).contains(hex);
        assertThat(MeshChecksum.verifiableSha256("md5:abc")).isEmpty();
        assertThat(MeshChecksum.verifiableSha256("sha256:xyz")).isEmpty();
        assertThat(MeshChecksum.verifiableSha256(null)).isEmpty();
        assertThat(MeshChecksum.sha256Hex(hex.toUpperCase())).isEqualTo("sha256:" + hex);
    }
}
