package io.holdfast.simulator.apim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Routes HTTP requests to the token endpoint and the test resources; answers JSON. */
@ChannelHandler.Sharable
final class ApimHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TokenEndpoint tokens;
    private final ResourceEndpoints resources;

    ApimHttpHandler(TokenEndpoint tokens, ResourceEndpoints resources) {
        this.tokens = tokens;
        this.resources = resources;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
        String path = request.uri().split("\\?", 2)[0];
        SimResponse response = route(request, path);
        byte[] body = JSON.writeValueAsBytes(response.body());
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(body));
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.headers().forEach((k, v) -> out.headers().set(k, v));
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(out, keepAlive);
        var future = ctx.writeAndFlush(out);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private SimResponse route(FullHttpRequest request, String path) {
        Optional<String> authorization = Optional.ofNullable(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (path.equals("/oauth2/token") && request.method().equals(HttpMethod.POST)) {
            return tokens.handle(request.headers().get(HttpHeaderNames.CONTENT_TYPE),
                    request.content().toString(StandardCharsets.UTF_8));
        }
        if (path.equals("/protected/ping") && request.method().equals(HttpMethod.GET)) {
            return resources.bearer(authorization);
        }
        if (path.equals("/apikey/ping") && request.method().equals(HttpMethod.GET)) {
            return resources.apiKey(Optional.ofNullable(request.headers().get("apikey")));
        }
        if (path.equals("/oauth2/token")) {
            return SimResponse.json(405, Map.of("error", "invalid_request", "error_description", "Use POST for the token endpoint"));
        }
        return SimResponse.json(404, Map.of("error", "not_found", "error_description", "No resource " + path));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
