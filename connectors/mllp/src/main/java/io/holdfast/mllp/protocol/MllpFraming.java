package io.holdfast.mllp.protocol;

import java.util.Arrays;

/** MLLP block characters: {@code 0x0B} message {@code 0x1C 0x0D}. */
public final class MllpFraming {
    public static final byte START_BLOCK = 0x0B;
    public static final byte END_BLOCK = 0x1C;
    public static final byte CARRIAGE_RETURN = 0x0D;
    public static final byte LINE_FEED = 0x0A;

    private MllpFraming() {
    }

    /** The message wrapped in a start block and an end block + CR. */
    public static byte[] frame(byte[] message) {
        byte[] out = new byte[message.length + 3];
        out[0] = START_BLOCK;
        System.arraycopy(message, 0, out, 1, message.length);
        out[out.length - 2] = END_BLOCK;
        out[out.length - 1] = CARRIAGE_RETURN;
        return out;
    }

    /** The message inside a complete frame (start and end blocks removed), or the input if it is not framed. */
    public static byte[] unframe(byte[] framed) {
        int from = framed.length > 0 && framed[0] == START_BLOCK ? 1 : 0;
        int to = framed.length;
        if (to >= 2 && framed[to - 2] == END_BLOCK && framed[to - 1] == CARRIAGE_RETURN) {
            to -= 2;
        } else if (to >= 1 && framed[to - 1] == END_BLOCK) {
            to -= 1;
        }
        return Arrays.copyOfRange(framed, from, Math.max(from, to));
    }
}
