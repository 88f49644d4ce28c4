package io.holdfast.examples.pathology.simulator;

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
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lab's HTTP interface: {@code GET /results?since=&limit=} (CSV page, {@code X-Next-Cursor}),
 * {@code POST /admin/results} (publish CSV lines) and {@code GET /health}. Every route but
 * {@code /health} needs the {@code apikey} header when the lab has a key.
 */
@ChannelHandler.Sharable
final class LabHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    private final ResultFeed feed;
    private final LabFaults faults;
    private final Optional<String> apiKey;
    private final AtomicLong resultRequests = new AtomicLong();
    private final AtomicReference<String> lastSince = new AtomicReference<>("");

    LabHttpHandler(ResultFeed feed, LabFaults faults, Optional<String> apiKey) {
        this.feed = feed;
        this.faults = faults;
        this.apiKey = apiKey;
    }

    long resultRequests() {
        return resultRequests.get();
    }

    String lastSince() {
        return lastSince.get();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        FullHttpResponse response = answer(request);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private FullHttpResponse answer(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        if (path.equals("/health") && request.method().equals(HttpMethod.GET)) {
            return text(HttpResponseStatus.OK, "ok");
        }
        boolean results = path.equals("/results");
        boolean admin = path.equals("/admin/results");
        if (!results && !admin) {
            return text(HttpResponseStatus.NOT_FOUND, "no such resource: " + path);
        }
        if (!authorised(request)) {
            return text(HttpResponseStatus.UNAUTHORIZED, "missing or invalid apikey");
        }
        if (results && request.method().equals(HttpMethod.GET)) {
            resultRequests.incrementAndGet();
            return faults.take().map(LabHttpHandler::fault).orElseGet(() -> page(uri));
        }
        if (admin && request.method().equals(HttpMethod.POST)) {
            return publish(request.content().toString(StandardCharsets.UTF_8));
        }
        return text(HttpResponseStatus.METHOD_NOT_ALLOWED, request.method() + " is not allowed on " + path);
    }

    private boolean authorised(FullHttpRequest request) {
        if (apiKey.isEmpty()) {
            return true;
        }
        String given = request.headers().get("apikey");
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiKey.get().getBytes(StandardCharsets.UTF_8));
    }

    private static FullHttpResponse fault(LabFaults.Fault f) {
        FullHttpResponse r = text(HttpResponseStatus.valueOf(f.status()), "injected fault " + f.status());
        if (f.retryAfterSeconds() >= 0) {
            r.headers().set(HttpHeaderNames.RETRY_AFTER, Integer.toString(f.retryAfterSeconds()));
        }
        return r;
    }

    private FullHttpResponse page(QueryStringDecoder uri) {
        String since = first(uri, "since").orElse("");
        String limitText = first(uri, "limit").orElse(Integer.toString(DEFAULT_LIMIT));
        lastSince.set(since);
        long after;
        int limit;
        try {
            after = since.isEmpty() ? 0 : Long.parseLong(since.substring(1));
            if (!since.isEmpty() && (since.charAt(0) != 'c' || after < 0)) {
                throw new NumberFormatException();
            }
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return text(HttpResponseStatus.BAD_REQUEST, "since must be a cursor this lab issued (c<number>), limit a number");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return text(HttpResponseStatus.BAD_REQUEST, "limit must be 1-" + MAX_LIMIT);
        }
        List<ResultFeed.Entry> entries = feed.after(after, limit);
        StringBuilder body = new StringBuilder(CsvText.header());
        entries.forEach(e -> body.append(e.csvLine()));
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).sequence();
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
        r.headers().set("X-Next-Cursor", "c" + next);
        return r;
    }

    /** Body: the feed's header line, then one result per line, published as written. */
    private FullHttpResponse publish(String body) {
        String[] lines = body.split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().equals(CsvText.header().strip())) {
            return text(HttpResponseStatus.BAD_REQUEST, "the first line must be the feed header: " + CsvText.header().strip());
        }
        long last = 0;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                last = feed.publishRawLine(lines[i]);
            }
        }
        return text(HttpResponseStatus.OK, "published up to c" + last);
    }

    private static Optional<String> first(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static FullHttpResponse text(HttpResponseStatus status, String text) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return r;
    }
}
