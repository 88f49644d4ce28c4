package io.holdfast.simulator.apim.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns each aggregated request into the handler's reply: a (possibly delayed) response or a reset. */
@ChannelHandler.Sharable
final class ReplyingChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyingChannelHandler.class);
    private final SimulatorHandler handler;

    ReplyingChannelHandler(SimulatorHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        SimulatorRequest simRequest = new SimulatorRequest(request.method().name(), request.uri(), request.headers().copy(),
                ByteBufUtil.getBytes(request.content()));
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        SimulatorReply reply;
        try {
            reply = handler.handle(simRequest);
        } catch (RuntimeException e) {
            // A simulator bug must surface as a 500 to the client under test, not as a hung connection.
            // The path may carry an identifier (an NHS number), so only the method and the exception type are logged.
            LOG.warn("Simulator handler failed for a {} request: {}", simRequest.method(), e.getClass().getName());
            reply = SimulatorReply.send(SimulatorResponse.of(500, "text/plain", new byte[0]));
        }
        if (reply instanceof SimulatorReply.Reset) {
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            ctx.close();
        } else if (reply instanceof SimulatorReply.Send send) {
            if (send.delay().isZero()) {
                write(ctx, send.response(), keepAlive);
            } else {
                ctx.executor().schedule(() -> write(ctx, send.response(), keepAlive), send.delay().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private static void write(ChannelHandlerContext ctx, SimulatorResponse response, boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            return;
        }
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(response.body()));
        response.headers().forEach((name, value) -> out.headers().set(name, value));
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        HttpUtil.setKeepAlive(out, keepAlive);
        var future = ctx.writeAndFlush(out);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
