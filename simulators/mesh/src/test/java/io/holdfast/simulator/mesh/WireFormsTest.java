package io.holdfast.simulator.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The simulator's own readings of {@code mex-Chunk-Range} and its message ids, against the published forms. */
class WireFormsTest {
    @Test
    void chunkRangeIsNOfMWithNBetweenOneAndM() {
        assertThat(ChunkRangeHeader.parse("1:3")).contains(new ChunkRangeHeader(1, 3));
        assertThat(ChunkRangeHeader.parse(" 3 : 3 ")).contains(new ChunkRangeHeader(3, 3));
        assertThat(ChunkRangeHeader.parse("1:2").orElseThrow()).hasToString("1:2");
        for (String bad : new String[] {"", "1", "0:2", "3:2", "1:2:3", "a:2", "1:", "-1:2", "1/2"}) {
            assertThat(ChunkRangeHeader.parse(bad)).as("'%s'", bad).isEmpty();
        }
    }

    @Test
    void messageIdsAreTheUtcTimeToTheMicrosecondAndSixHexDigits() {
        assertThat(MessageIds.create(Instant.parse("2021-03-11T10:18:13.838554Z"), 0x1B8F53)).isEqualTo("20210311101813838554_1B8F53");
        assertThat(MessageIds.create(Instant.parse("2026-01-02T03:04:05Z"), 0x7F00_00AB)).isEqualTo("20260102030405000000_0000AB");
    }
}
