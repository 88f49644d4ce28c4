package io.holdfast.simulator.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The simulator's MLLP framing against the rules of NHS-INTERFACES.md: pipelining, split frames, CR LF senders. */
class MllpFramesTest {
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void framesAreStartBlockMessageEndBlockCarriageReturn() {
        assertThat(MllpFrames.frame(bytes("MSH|x"))).containsExactly(0x0B, 'M', 'S', 'H', '|', 'x', 0x1C, 0x0D);
    }

    @Test
    void decodesPipelinedFramesSplitFramesAndSkipsALineFeedAfterTheEndBlock() {
        EmbeddedChannel ch = new EmbeddedChannel(new MllpFrames.Decoder(1024));
        ch.writeInbound(Unpooled.wrappedBuffer(bytes("\u000bA1\u001c\r\n\u000bA2\u001c\r\u000bA")));
        assertThat((byte[]) ch.readInbound()).isEqualTo(bytes("A1"));
        assertThat((byte[]) ch.readInbound()).isEqualTo(bytes("A2"));
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(Unpooled.wrappedBuffer(bytes("3\u001c")));
        assertThat((Object) ch.readInbound()).as("end block without its CR yet").isNull();
        ch.writeInbound(Unpooled.wrappedBuffer(bytes("\r")));
        assertThat((byte[]) ch.readInbound()).isEqualTo(bytes("A3"));
        ch.finishAndReleaseAll();
    }

    @Test
    void refusesAFrameLongerThanTheLimit() {
        EmbeddedChannel ch = new EmbeddedChannel(new MllpFrames.Decoder(8));
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(bytes("\u000b0123456789ABCDEF"))))
                .isInstanceOf(DecoderException.class).hasMessageContaining("longer than 8 bytes");
        ch.finishAndReleaseAll();
    }

    @Test
    void aBlockingReaderReturnsTheMessageOrEofWhenThePeerCloses() throws Exception {
        assertThat(MllpFrames.read(new ByteArrayInputStream(bytes("\n\u000bMSA|AA\u001c\r")), 100)).isEqualTo(bytes("MSA|AA"));
        assertThatThrownBy(() -> MllpFrames.read(new ByteArrayInputStream(bytes("\u000bMSA|A")), 100)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> MllpFrames.read(new ByteArrayInputStream(new byte[0]), 100)).isInstanceOf(EOFException.class);
    }
}
