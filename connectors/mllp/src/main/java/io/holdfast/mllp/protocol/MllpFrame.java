package io.holdfast.mllp.protocol;

/**
 * What the framing decoder read from a connection. Every kind carries the bytes it saw so that
 * nothing is dropped: incomplete and oversized frames are journaled as rejections.
 */
public sealed interface MllpFrame permits MllpFrame.Complete, MllpFrame.Oversized, MllpFrame.Incomplete {

    /** The message bytes (without block characters). */
    byte[] bytes();

    /**
     * A whole frame.
     *
     * @param discardedBefore bytes that arrived before this frame's start block and were discarded
     *                        (noise; not counting CR/LF after a previous end block)
     */
    record Complete(byte[] bytes, int discardedBefore) implements MllpFrame {
    }

    /**
     * A frame longer than the limit: {@code bytes} holds its first {@code limit} bytes. The rest of
     * the connection's input cannot be trusted, so the listener answers negatively and closes.
     */
    record Oversized(byte[] bytes, int limit) implements MllpFrame {
    }

    /**
     * A frame that never ended: the peer disconnected or stopped sending mid-frame, or started a new
     * frame before ending this one. No ACK is possible for it; it is journaled as a rejection.
     */
    record Incomplete(byte[] bytes, String why) implements MllpFrame {
    }
}
