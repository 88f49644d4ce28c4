package io.holdfast.http.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * One HTTP/1.1 listener: Netty event loops for the bytes, a bounded worker pool for the endpoints
 * (which may block on a durable commit), and the {@link EndpointRegistry} for routing.
 */
public final class HttpListener implements AutoCloseable {
    private final ListenerSettings settings;
    private final EndpointRegistry registry;
    private final Optional<SSLContext> tls;
    private final ListenerStats stats = new ListenerStats();
    private EventLoopGroup group;
    private ThreadPoolExecutor workers;
    private Channel server;

    public HttpListener(ListenerSettings settings, EndpointRegistry registry, Optional<SSLContext> tls) {
        this.settings = settings;
        this.registry = registry;
        this.tls = tls;
    }

    /** Binds the socket; on failure nothing is left running. */
    public synchronized void start() throws InterruptedException {
        workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.workerQueue()), workerThreads());
        workers.allowCoreThreadTimeOut(true);
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            accept(ch);
                        }
                    })
                    .bind(new InetSocketAddress(settings.bindAddress(), settings.port())).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void accept(SocketChannel ch) {
        if (stats.open.incrementAndGet() > settings.maxConnections()) {
            stats.open.decrementAndGet();
            stats.connectionsRefused.increment();
            ch.close();
            return;
        }
        ch.closeFuture().addListener(f -> stats.open.decrementAndGet());
        ChannelPipeline p = ch.pipeline();
        tls.ifPresent(context -> p.addLast("tls", new SslHandler(serverEngine(context))));
        long idleMs = settings.idleTimeout().toMillis();
        p.addLast("http", new HttpServerCodec(4096, settings.maxHeaderBytes(), 65536));
        if (idleMs > 0) {
            p.addLast("idle", new IdleStateHandler(0, 0, idleMs, TimeUnit.MILLISECONDS));
        }
        p.addLast("exchange", new HttpExchangeHandler(settings, registry, workers, stats));
    }

    private SSLEngine serverEngine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters params = engine.getSSLParameters();
        // Host-name identification is for servers' certificates; a client certificate names a system, not a host.
        params.setEndpointIdentificationAlgorithm(null);
        switch (settings.clientAuth()) {
            case "need" -> params.setNeedClientAuth(true);
            case "want" -> params.setWantClientAuth(true);
            default -> params.setNeedClientAuth(false);
        }
        engine.setSSLParameters(params);
        return engine;
    }

    private java.util.concurrent.ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "holdfast-http-" + settings.name() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The address actually bound (the port is the real one when configured as 0). */
    public synchronized Optional<InetSocketAddress> boundAddress() {
        return server == null ? Optional.empty() : Optional.of((InetSocketAddress) server.localAddress());
    }

    public ListenerSettings settings() {
        return settings;
    }

    /** Requests waiting for a worker thread. */
    int queuedRequests() {
        ThreadPoolExecutor w = workers;
        return w == null ? 0 : w.getQueue().size();
    }

    public ListenerStats.Snapshot stats() {
        return stats.snapshot();
    }

    /**
     * Stops accepting, lets running endpoints finish and write their answers (a commit that completed
     * is still answered), then stops the event loops.
     */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        if (workers != null) {
            workers.shutdown();
            awaitWorkers();
            workers = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            group = null;
        }
    }

    private void awaitWorkers() {
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
