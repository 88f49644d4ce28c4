package io.holdfast.simulator.mllp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * MLLP framing (HL7 v2 minimal lower layer protocol): a message travels as start block 0x0B, the
 * message bytes, end block 0x1C and carriage return 0x0D. Bytes outside a frame (a line feed some
 * senders write after the end block) are skipped; several frames may share one TCP read and one
 * frame may span many.
 */
final class MllpFrames {
    static final byte START_BLOCK = 0x0B;
    static final byte END_BLOCK = 0x1C;
    static final byte CARRIAGE_RETURN = 0x0D;

    private MllpFrames() {
    }

    static byte[] frame(byte[] message) {
        byte[] framed = new byte[message.length + 3];
        framed[0] = START_BLOCK;
        System.arraycopy(message, 0, framed, 1, message.length);
        framed[framed.length - 2] = END_BLOCK;
        framed[framed.length - 1] = CARRIAGE_RETURN;
        return framed;
    }

    /** Reads the next frame's message from a blocking stream; EOFException if the peer closes first. */
    static byte[] read(InputStream in, int maxBytes) throws IOException {
        int b;
        do {
            b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed before a reply arrived");
            }
        } while (b != START_BLOCK);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean endBlockSeen = false;
        while ((b = in.read()) >= 0) {
            if (endBlockSeen && b == CARRIAGE_RETURN) {
                return message.toByteArray();
            }
            if (endBlockSeen) {
                message.write(END_BLOCK);
            }
            endBlockSeen = b == END_BLOCK;
            if (!endBlockSeen) {
                message.write(b);
            }
            if (message.size() > maxBytes) {
                throw new IOException("MLLP frame longer than " + maxBytes + " bytes");
            }
        }
        throw new EOFException("connection closed inside an MLLP frame");
    }

    /** Netty side: emits the message (byte[]) of each complete frame. */
    static final class Decoder extends ByteToMessageDecoder {
        private final int maxBytes;

        Decoder(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws TooLongFrameException {
            while (true) {
                int start = in.indexOf(in.readerIndex(), in.writerIndex(), START_BLOCK);
                if (start < 0) {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                in.readerIndex(start);
                int end = endOfFrame(in, start + 1);
                if (end < 0) {
                    if (in.readableBytes() > maxBytes + 3) {
                        in.skipBytes(in.readableBytes()); // the receiver closes the connection: nothing of it is kept
                        throw new TooLongFrameException("MLLP frame longer than " + maxBytes + " bytes");
                    }
                    return;
                }
                byte[] message = new byte[end - start - 1];
                in.getBytes(start + 1, message);
                in.readerIndex(end + 2);
                out.add(message);
            }
        }

        private static int endOfFrame(ByteBuf in, int from) {
            for (int i = from; i + 1 < in.writerIndex(); i++) {
                if (in.getByte(i) == END_BLOCK && in.getByte(i + 1) == CARRIAGE_RETURN) {
                    return i;
                }
            }
            return -1;
        }
    }
}
