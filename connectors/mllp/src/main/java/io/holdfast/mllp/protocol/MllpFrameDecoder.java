package io.holdfast.mllp.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits a byte stream into {@link MllpFrame}s. Handles several frames in one read (pipelining),
 * a frame spread over many reads, noise before a start block (discarded and counted), CR LF after
 * the end block, an end block not followed by CR (accepted), frames over the limit (reported once,
 * then all further input discarded), and the peer leaving mid-frame (reported as incomplete).
 */
public final class MllpFrameDecoder extends ByteToMessageDecoder {
    private final int maxFrameBytes;
    private boolean inFrame;
    private boolean poisoned;
    /** Offset (relative to the frame content start) already searched for the end block. */
    private int scanned;
    private int discarded;
    private long discardedTotal;
    private long frameStartedNanos;

    public MllpFrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 16) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 16");
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Bytes discarded on this connection so far because they were outside any frame. */
    public long discardedTotal() {
        return discardedTotal;
    }

    /** {@link System#nanoTime()} when the start block of the frame in progress was read (meaningful while {@link #inFrame()}). */
    public long frameStartedNanos() {
        return frameStartedNanos;
    }

    /** True while a start block has been read and its end block has not. */
    public boolean inFrame() {
        return inFrame;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (poisoned) {
                in.skipBytes(in.readableBytes());
                return;
            }
            if (!inFrame && !findStart(in)) {
                return;
            }
            if (!readFrame(in, out)) {
                return;
            }
        }
    }

    private boolean findStart(ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.readByte();
            if (b == MllpFraming.START_BLOCK) {
                inFrame = true;
                scanned = 0;
                frameStartedNanos = System.nanoTime();
                return true;
            }
            if (b != MllpFraming.CARRIAGE_RETURN && b != MllpFraming.LINE_FEED) {
                discarded++;
                discardedTotal++;
            }
        }
        return false;
    }

    /** Returns true when a frame (complete, oversized or restarted) was emitted and more input may follow. */
    private boolean readFrame(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        for (int i = scanned; i < readable; i++) {
            byte b = in.getByte(start + i);
            if (b == MllpFraming.END_BLOCK) {
                if (i + 1 >= readable) {
                    scanned = i; // wait to see whether CR follows
                    return false;
                }
                byte[] bytes = new byte[i];
                in.readBytes(bytes);
                in.skipBytes(in.getByte(in.readerIndex() + 1) == MllpFraming.CARRIAGE_RETURN ? 2 : 1);
                out.add(new MllpFrame.Complete(bytes, discarded));
                inFrame = false;
                discarded = 0;
                return true;
            }
            if (b == MllpFraming.START_BLOCK) {
                byte[] bytes = new byte[i];
                in.readBytes(bytes);
                in.skipBytes(1);
                out.add(new MllpFrame.Incomplete(bytes, "a new start block arrived before the end block"));
                scanned = 0;
                frameStartedNanos = System.nanoTime();
                return true;
            }
            if (i >= maxFrameBytes) {
                byte[] head = new byte[maxFrameBytes];
                in.readBytes(head);
                in.skipBytes(in.readableBytes());
                out.add(new MllpFrame.Oversized(head, maxFrameBytes));
                poisoned = true;
                inFrame = false;
                return false;
            }
        }
        scanned = readable;
        return false;
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (inFrame && !poisoned) {
            byte[] partial = new byte[in.readableBytes()];
            in.readBytes(partial);
            inFrame = false;
            out.add(new MllpFrame.Incomplete(partial, "the connection ended before the end block"));
        }
    }

    /**
     * Takes the bytes of the frame in progress, e.g. when the inter-byte timeout fires; the caller
     * then closes the connection. Empty if no frame is in progress.
     */
    public java.util.Optional<MllpFrame.Incomplete> abandonFrame(String why) {
        if (!inFrame) {
            return java.util.Optional.empty();
        }
        ByteBuf buffered = internalBuffer();
        byte[] partial = new byte[buffered.readableBytes()];
        buffered.readBytes(partial);
        inFrame = false;
        poisoned = true;
        return java.util.Optional.of(new MllpFrame.Incomplete(partial, why));
    }
}
