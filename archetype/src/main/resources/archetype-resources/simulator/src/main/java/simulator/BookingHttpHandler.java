package ${package}.simulator;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** Maps the protocol's HTTP requests (README.md, "Protocol") onto the {@link BookingState}. */
@ChannelHandler.Sharable
final class BookingHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String REQUEST_ID = "X-Request-ID";
    private static final String MESSAGES = "/messages";

    private final BookingState state;
    private final BooleanSupplier unavailable;

    BookingHttpHandler(BookingState state, BooleanSupplier unavailable) {
        this.state = state;
        this.unavailable = unavailable;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        FullHttpResponse response = unavailable.getAsBoolean()
                ? text(HttpResponseStatus.SERVICE_UNAVAILABLE, "simulated outage")
                : answer(request);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var write = ctx.writeAndFlush(response);
        if (!keepAlive) {
            write.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private FullHttpResponse answer(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        HttpMethod method = request.method();
        if (path.equals(MESSAGES) && method.equals(HttpMethod.GET)) {
            try {
                int limit = uri.parameters().containsKey("limit") ? Integer.parseInt(uri.parameters().get("limit").get(0)) : 100;
                return text(HttpResponseStatus.OK, String.join("\n", state.waiting(Math.max(0, limit))));
            } catch (NumberFormatException e) {
                return text(HttpResponseStatus.BAD_REQUEST, "limit must be a whole number");
            }
        }
        if (path.startsWith(MESSAGES + "/") && path.length() > MESSAGES.length() + 1) {
            String id = path.substring(MESSAGES.length() + 1);
            if (method.equals(HttpMethod.GET)) {
                return state.message(id).map(m -> text(HttpResponseStatus.OK, m))
                        .orElseGet(() -> text(HttpResponseStatus.NOT_FOUND, "no message " + id));
            }
            if (method.equals(HttpMethod.DELETE)) {
                return state.acknowledge(id) ? text(HttpResponseStatus.NO_CONTENT, "")
                        : text(HttpResponseStatus.NOT_FOUND, "no message " + id);
            }
        }
        if (path.equals("/inbox") && method.equals(HttpMethod.POST)) {
            byte[] body = ByteBufUtil.getBytes(request.content());
            return switch (state.deliver(request.headers().get(REQUEST_ID), body)) {
                case STORED -> text(HttpResponseStatus.CREATED, "stored");
                case DUPLICATE -> text(HttpResponseStatus.OK, "duplicate request id, not stored again");
                case MALFORMED -> text(HttpResponseStatus.BAD_REQUEST, "needs " + REQUEST_ID + ", appointmentId and issuer");
            };
        }
        return text(HttpResponseStatus.NOT_FOUND, "no such resource: " + method + " " + path);
    }

    private static FullHttpResponse text(HttpResponseStatus status, String body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
        HttpUtil.setContentLength(r, r.content().readableBytes());
        return r;
    }
}
