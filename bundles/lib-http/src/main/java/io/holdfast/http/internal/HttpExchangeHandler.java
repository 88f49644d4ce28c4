package io.holdfast.http.internal;

import io.holdfast.http.HttpCall;
import io.holdfast.http.HttpReply;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests, on its event loop: routes each request by its head, collects the body
 * up to the cap (a larger body gets {@code 413} and the connection is closed before the rest is read),
 * hands the complete request to the worker pool and writes the answers in request order.
 */
final class HttpExchangeHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpExchangeHandler.class);
    private static final int MAX_QUEUED = 8;

    private enum State { IDLE, COLLECTING, DISCARDING, CLOSING }

    /** A complete request waiting its turn: an endpoint call, or an answer already known (404, 413). */
    private record Pending(Route route, HttpCall call, HttpReply fixed, boolean keepAlive) {
    }

    private final ListenerSettings settings;
    private final EndpointRegistry registry;
    private final Executor workers;
    private final ListenerStats stats;
    private final ArrayDeque<Pending> queued = new ArrayDeque<>();
    private State state = State.IDLE;
    private HttpRequest head;
    private Route route;
    private long cap;
    private long received;
    private CompositeByteBuf body;
    private ScheduledFuture<?> deadline;
    private boolean busy;

    HttpExchangeHandler(ListenerSettings settings, EndpointRegistry registry, Executor workers, ListenerStats stats) {
        this.settings = settings;
        this.registry = registry;
        this.workers = workers;
        this.stats = stats;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (state != State.CLOSING && msg instanceof HttpRequest request) {
                onHead(ctx, request);
            }
            if ((state == State.COLLECTING || state == State.DISCARDING) && msg instanceof HttpContent content) {
                onContent(ctx, content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHead(ChannelHandlerContext ctx, HttpRequest request) {
        stats.requests.increment();
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            int status = cause instanceof TooLongHttpHeaderException ? 431 : cause instanceof TooLongHttpLineException ? 414 : 400;
            refuse(ctx, HttpReply.text(status, status == 400 ? "Malformed HTTP request\n" : "Request head too large\n"));
            return;
        }
        head = request;
        received = 0;
        route = registry.resolve(settings.name(), new QueryStringDecoder(request.uri()).rawPath()).orElse(null);
        cap = route == null ? settings.maxBodyBytes() : Math.min(settings.maxBodyBytes(), route.maxBodyBytes().orElse(Long.MAX_VALUE));
        startDeadline(ctx);
        if (HttpUtil.getContentLength(request, -1L) > cap) {
            tooLarge(ctx);
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            if (route == null) {
                refuse(ctx, notFound());
                return;
            }
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
        }
        state = route == null ? State.DISCARDING : State.COLLECTING;
        body = ctx.alloc().compositeBuffer(1024);
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        received += content.content().readableBytes();
        if (received > cap) {
            tooLarge(ctx);
            return;
        }
        if (state == State.COLLECTING && content.content().isReadable()) {
            body.addComponent(true, content.content().retain());
        }
        if (content instanceof LastHttpContent) {
            complete(ctx);
        }
    }

    private void complete(ChannelHandlerContext ctx) {
        cancelDeadline();
        byte[] bytes = ByteBufUtil.getBytes(body);
        releaseBody();
        boolean keepAlive = HttpUtil.isKeepAlive(head);
        if (route == null) {
            stats.notFound.increment();
            enqueue(ctx, new Pending(null, null, notFound(), keepAlive));
        } else {
            enqueue(ctx, new Pending(route, call(ctx, bytes), null, keepAlive));
        }
        state = State.IDLE;
        head = null;
    }

    private HttpCall call(ChannelHandlerContext ctx, byte[] bytes) {
        QueryStringDecoder query = new QueryStringDecoder(head.uri());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        head.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue()));
        return new HttpCall(settings.name(), head.method().name(), query.rawPath(), route.path(), query.parameters(), headers, bytes,
                peerCertificates(ctx), (InetSocketAddress) ctx.channel().remoteAddress());
    }

    private static List<java.security.cert.X509Certificate> peerCertificates(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        if (ssl == null) {
            return List.of();
        }
        try {
            return Arrays.stream(ssl.engine().getSession().getPeerCertificates())
                    .filter(java.security.cert.X509Certificate.class::isInstance).map(java.security.cert.X509Certificate.class::cast).toList();
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    private void tooLarge(ChannelHandlerContext ctx) {
        stats.tooLarge.increment();
        refuse(ctx, HttpReply.text(413, "Request body over " + cap + " bytes\n"));
    }

    /** Answers after what is already queued, then closes: nothing more is read from this connection. */
    private void refuse(ChannelHandlerContext ctx, HttpReply reply) {
        cancelDeadline();
        releaseBody();
        state = State.CLOSING;
        ctx.channel().config().setAutoRead(false);
        enqueue(ctx, new Pending(null, null, reply, false));
    }

    private void enqueue(ChannelHandlerContext ctx, Pending pending) {
        queued.add(pending);
        if (queued.size() >= MAX_QUEUED) {
            ctx.channel().config().setAutoRead(false);
        }
        if (!busy) {
            next(ctx);
        }
    }

    private void next(ChannelHandlerContext ctx) {
        Pending p = queued.poll();
        if (p == null) {
            if (state != State.CLOSING) {
                ctx.channel().config().setAutoRead(true);
            }
            return;
        }
        busy = true;
        if (p.fixed() != null) {
            write(ctx, p.fixed(), p.keepAlive());
            return;
        }
        try {
            workers.execute(() -> {
                HttpReply reply = EndpointInvoker.invoke(p.route(), p.call());
                runOnLoop(ctx, () -> write(ctx, reply, p.keepAlive()));
            });
        } catch (RejectedExecutionException e) {
            stats.busy.increment();
            write(ctx, HttpReply.text(503, "Server busy; retry later\n").withHeader("Retry-After", "1"), p.keepAlive());
        }
    }

    private static void runOnLoop(ChannelHandlerContext ctx, Runnable task) {
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("HTTP answer not written: the listener is stopping");
        }
    }

    private void write(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive) {
        if (reply.status() >= 500) {
            stats.serverErrors.increment();
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()),
                Unpooled.wrappedBuffer(reply.body()));
        reply.headers().forEach((k, v) -> response.headers().set(k, v));
        HttpUtil.setContentLength(response, reply.body().length);
        boolean close = !keepAlive || state == State.CLOSING && queued.isEmpty();
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var future = ctx.writeAndFlush(response);
        busy = false;
        if (close) {
            state = State.CLOSING;
            queued.clear();
            future.addListener(ChannelFutureListener.CLOSE);
        } else {
            next(ctx);
        }
    }

    private HttpReply notFound() {
        return HttpReply.text(404, "No endpoint at this path\n");
    }

    private void startDeadline(ChannelHandlerContext ctx) {
        long ms = settings.requestTimeout().toMillis();
        if (ms > 0) {
            deadline = ctx.executor().schedule(() -> {
                if (state == State.COLLECTING || state == State.DISCARDING) {
                    refuse(ctx, HttpReply.text(408, "Request not received within " + settings.requestTimeout() + "\n"));
                }
            }, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && state == State.IDLE && !busy && queued.isEmpty()) {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        releaseBody();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // client resets and refused TLS handshakes (untrusted client certificate) end here
        LOG.debug("HTTP listener {}: connection from {} closed: {}", settings.name(), ctx.channel().remoteAddress(),
                cause instanceof TooLongFrameException ? "request head too large" : cause.toString());
        ctx.close();
    }
}
