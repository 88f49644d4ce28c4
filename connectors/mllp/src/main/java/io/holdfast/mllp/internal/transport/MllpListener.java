package io.holdfast.mllp.internal.transport;

import io.holdfast.api.kernel.Intake;
import io.holdfast.hl7v2.Hl7v2Codec;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.mllp.protocol.MllpFrameDecoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * A bound MLLP server socket. {@link #start()} either binds or throws with nothing left running,
 * so a listener is never half-started. Settings that do not change the socket (timeouts, limits,
 * allow-list, ACK mode, charset...) are applied live by {@link #apply(ListenerSettings)}: open
 * connections stay and pick them up at their next frame or timer tick.
 */
public final class MllpListener implements AutoCloseable, ListenerView {
    private final InboundProcessor processor;
    private final ListenerStats stats = new ListenerStats();
    private final ConnectionGate gate;
    private final Optional<SSLContext> tls;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;
    /**
     * Every accepted connection. Closed before the event loops shut down, and "stay closed": a
     * connection whose registration was still queued when the listener closed is closed as it is
     * added, instead of being left open on a loop that already closed its channels.
     */
    private ChannelGroup connections;

    public MllpListener(ListenerSettings settings, Intake intake) {
        this(settings, intake, Optional.empty());
    }

    /** With {@code tls}, every connection starts with a TLS handshake (server side; client auth per settings). */
    public MllpListener(ListenerSettings settings, Intake intake, Optional<SSLContext> tls) {
        this.tls = tls;
        this.processor = new InboundProcessor(settings, intake, new Hl7v2Codec(settings.timeZone()), stats);
        this.gate = new ConnectionGate(processor::settings, stats);
    }

    /**
     * Applies settings that keep the socket as it is; throws {@link IllegalArgumentException} if
     * they would need a rebind (port, address, TLS), which the caller does by closing and starting anew.
     */
    public void apply(ListenerSettings changed) {
        if (!changed.bindsLike(processor.settings())) {
            throw new IllegalArgumentException("port, bindAddress or TLS changed: the listener must be restarted");
        }
        processor.apply(changed);
    }

    /** Binds; on failure releases every thread and rethrows (e.g. {@link java.net.BindException}). */
    public synchronized void start() throws Exception {
        ListenerSettings settings = processor.settings();
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory());
        ChannelGroup accepted = new DefaultChannelGroup("mllp-" + settings.name(), GlobalEventExecutor.INSTANCE, true);
        connections = accepted;
        try {
            server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            accepted.add(ch);
                            if (!gate.admit(ch)) {
                                return;
                            }
                            ListenerSettings settings = processor.settings();
                            ReadClock clock = new ReadClock();
                            MllpFrameDecoder decoder = new MllpFrameDecoder(settings.maxFrameBytes());
                            tls.ifPresent(context -> ch.pipeline().addLast("tls", new SslHandler(serverEngine(context))));
                            ch.pipeline().addLast("clock", clock).addLast("framing", decoder)
                                    .addLast("mllp", new MllpConnectionHandler(processor, stats, clock, decoder));
                        }
                    })
                    .bind(new InetSocketAddress(settings.bindAddress(), settings.port())).sync().channel();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private SSLEngine serverEngine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        switch (processor.settings().tlsClientAuth()) {
            case NEED -> engine.setNeedClientAuth(true);
            case WANT -> engine.setWantClientAuth(true);
            case NONE -> engine.setNeedClientAuth(false);
        }
        return engine;
    }

    /** The port actually bound (useful when configured as 0 in tests). */
    @Override
    public int boundPort() {
        Channel s = server;
        return s == null ? -1 : ((InetSocketAddress) s.localAddress()).getPort();
    }

    @Override
    public ListenerSettings settings() {
        return processor.settings();
    }

    /** Connections open now (admitted by the gate and not yet closed). */
    int openConnections() {
        return gate.open();
    }

    @Override
    public ListenerStats.Snapshot stats() {
        return stats.snapshot();
    }

    ListenerStats rawStats() {
        return stats;
    }

    @Override
    public boolean isBound() {
        return server != null && server.isActive();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            server = null;
        }
        if (connections != null) {
            connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            connections = null;
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            boss = null;
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            workers = null;
        }
    }
}
