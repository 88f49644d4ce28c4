package io.holdfast.mllp.internal.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Notes when bytes last arrived (before framing), for the first-byte, inter-byte and idle timeouts. */
final class ReadClock extends ChannelInboundHandlerAdapter {
    final long connectedAt = System.nanoTime();
    volatile long lastRead = connectedAt;
    volatile boolean anyRead;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastRead = System.nanoTime();
        anyRead = true;
        ctx.fireChannelRead(msg);
    }
}
