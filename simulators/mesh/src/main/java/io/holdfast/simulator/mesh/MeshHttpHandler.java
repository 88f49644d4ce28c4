package io.holdfast.simulator.mesh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.simulator.mesh.MeshFaults.Fault;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.stream.ChunkedFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty side of the simulator: streams each request body to a temporary file (chunks of up to
 * 100 MB never sit in heap), hands the request to {@link MeshApi}, applies injected faults and
 * streams file bodies back with {@link ChunkedFile}.
 */
final class MeshHttpHandler extends SimpleChannelInboundHandler<HttpObject> {
    private static final Logger LOG = LoggerFactory.getLogger(MeshHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MeshApi api;
    private final MeshFaults faults;
    private final Path incoming;
    private HttpRequest request;
    private Path bodyFile;
    private FileChannel body;
    private long bodySize;

    MeshHttpHandler(MeshApi api, MeshFaults faults, Path incoming) {
        this.api = api;
        this.faults = faults;
        this.incoming = incoming;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) throws IOException {
        if (msg instanceof HttpRequest r) {
            request = r;
            bodySize = 0;
        }
        if (msg instanceof HttpContent c && c.content().isReadable()) {
            if (body == null) {
                bodyFile = Files.createTempFile(incoming, "body", ".tmp");
                body = FileChannel.open(bodyFile, StandardOpenOption.WRITE);
            }
            bodySize += c.content().readBytes(body, bodySize, c.content().readableBytes());
        }
        if (msg instanceof LastHttpContent && request != null) {
            if (body != null) {
                body.close();
                body = null;
            }
            HttpRequest r = request;
            Path file = bodyFile;
            long size = bodySize;
            request = null;
            bodyFile = null;
            dispatch(ctx, r, file, size);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, HttpRequest r, Path file, long size) {
        QueryStringDecoder q = new QueryStringDecoder(r.uri());
        SimRequest sim = new SimRequest(r.method().name(), q.path(), q.parameters(), r.headers()::get,
                Optional.ofNullable(file), size);
        boolean keepAlive = HttpUtil.isKeepAlive(r);
        Optional<Fault> fault = MeshApi.operation(sim).flatMap(faults::next);
        if (fault.isPresent() && fault.get() instanceof Fault.Slow slow) {
            ctx.executor().schedule(() -> respond(ctx, sim, Optional.empty(), keepAlive), slow.delay().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            respond(ctx, sim, fault, keepAlive);
        }
    }

    private void respond(ChannelHandlerContext ctx, SimRequest sim, Optional<Fault> fault, boolean keepAlive) {
        try {
            if (fault.isPresent() && fault.get() instanceof Fault.Status s) {
                write(ctx, faultStatus(s.code()), keepAlive);
                return;
            }
            boolean isDownload = MeshApi.operation(sim).filter(o -> o == MeshFaults.Operation.DOWNLOAD).isPresent();
            if (fault.isPresent() && fault.get() instanceof Fault.DropMidBody && !isDownload) {
                ctx.close();
                return;
            }
            SimResponse response = api.handle(sim);
            if (fault.isPresent() && fault.get() instanceof Fault.DropAfterCommit) {
                ctx.close();
                return;
            }
            if (fault.isPresent() && fault.get() instanceof Fault.DropMidBody && response instanceof SimResponse.FileBody f) {
                response = f.withDrop();
            }
            write(ctx, response, keepAlive);
        } catch (IOException | RuntimeException e) {
            LOG.warn("MESH simulator failed on {} {}", sim.method(), sim.path(), e);
            write(ctx, SimResponse.error(500, null, "", "500", "simulator error: " + e.getMessage()), false);
        } finally {
            sim.body().ifPresent(p -> p.toFile().delete());
        }
    }

    private static SimResponse faultStatus(int code) {
        SimResponse.Json err = SimResponse.error(code, null, "", String.valueOf(code), "injected fault");
        return code == 429 || code == 503 ? new SimResponse.Json(code, Map.of("Retry-After", "1"), err.body()) : err;
    }

    private void write(ChannelHandlerContext ctx, SimResponse response, boolean keepAlive) {
        if (response instanceof SimResponse.FileBody f) {
            writeFile(ctx, f, keepAlive);
            return;
        }
        byte[] bytes;
        try {
            bytes = response instanceof SimResponse.Json j ? JSON.writeValueAsBytes(j.body()) : new byte[0];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(bytes));
        response.headers().forEach(out.headers()::set);
        if (response instanceof SimResponse.Json) {
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, MexHeaders.MEDIA_TYPE_V2);
        }
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        finish(ctx.writeAndFlush(out), keepAlive);
    }

    private void writeFile(ChannelHandlerContext ctx, SimResponse.FileBody f, boolean keepAlive) {
        try {
            RandomAccessFile raf = new RandomAccessFile(f.file().toFile(), "r");
            long length = raf.length();
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(f.status()));
            f.headers().forEach(head.headers()::set);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, MexHeaders.OCTET_STREAM);
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
            ctx.write(head);
            if (f.dropMidway()) {
                ctx.writeAndFlush(new ChunkedFile(raf, 0, length / 2, 64 * 1024)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.write(new ChunkedFile(raf, 0, length, 64 * 1024));
            finish(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
        } catch (IOException e) {
            LOG.warn("MESH simulator could not stream {}", f.file(), e);
            ctx.close();
        }
    }

    private static void finish(io.netty.channel.ChannelFuture f, boolean keepAlive) {
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        discardPartialBody();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("MESH simulator connection error", cause);
        discardPartialBody();
        ctx.close();
    }

    private void discardPartialBody() {
        try {
            if (body != null) {
                body.close();
            }
        } catch (IOException e) {
            LOG.debug("closing a partial body", e);
        }
        body = null;
        if (bodyFile != null) {
            bodyFile.toFile().delete();
            bodyFile = null;
        }
    }
}
