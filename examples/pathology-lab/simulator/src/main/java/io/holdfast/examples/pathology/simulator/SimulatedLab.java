package io.holdfast.examples.pathology.simulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A pathology lab's results feed over plain HTTP on a chosen address (tests: loopback, port 0). Publish
 * results through {@link #feed()}, inject errors through {@link #faults()}. Stop with {@link #close()};
 * runs standalone with {@link #main}.
 */
public final class SimulatedLab implements AutoCloseable {
    private final ResultFeed feed = new ResultFeed();
    private final LabFaults faults = new LabFaults();
    private final LabHttpHandler handler;
    private final EventLoopGroup group;
    private final Channel channel;

    private SimulatedLab(Builder b) {
        handler = new LabHttpHandler(feed, faults, b.apiKey);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ServerBootstrap boot = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(b.maxPublishBytes), handler);
                    }
                });
        try {
            channel = boot.bind(new InetSocketAddress(b.host, b.port)).sync().channel();
        } catch (InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + b.host + ":" + b.port, e);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public ResultFeed feed() {
        return feed;
    }

    public LabFaults faults() {
        return faults;
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** {@code http://host:port}: the endpoint of the lab's inventory entry. */
    public String baseUrl() {
        return "http://" + ((InetSocketAddress) channel.localAddress()).getHostString() + ":" + port();
    }

    /** {@code GET /results} requests received with a valid key (answered with data or an injected fault). */
    public long resultRequests() {
        return handler.resultRequests();
    }

    /** The {@code since} cursor of the latest results request ("" when it had none). */
    public String lastSince() {
        return handler.lastSince();
    }

    /** Stops listening (the lab is then "down": connections are refused); closing again does nothing. */
    @Override
    public synchronized void close() {
        if (group.isShuttingDown()) {
            return;
        }
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Configuration of a lab instance. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Optional<String> apiKey = Optional.empty();
        private int maxPublishBytes = 1024 * 1024;

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Requests must carry this key in the {@code apikey} header (401 otherwise); without it the lab is open. */
        public Builder apiKey(String key) {
            this.apiKey = Optional.of(key);
            return this;
        }

        public SimulatedLab start() {
            return new SimulatedLab(this);
        }
    }

    /** {@code SimulatedLab [port] [apiKey]}: port defaults to 8790 (the example's sandbox port). */
    public static void main(String[] args) throws InterruptedException {
        Builder b = builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 8790);
        if (args.length > 1) {
            b.apiKey(args[1]);
        }
        SimulatedLab lab = b.start();
        Runtime.getRuntime().addShutdownHook(new Thread(lab::close));
        System.out.println("Simulated pathology lab on " + lab.baseUrl() + "/results");
        Thread.currentThread().join();
    }
}
