package io.holdfast.simulator.apim.http;

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
import java.util.concurrent.TimeUnit;

/**
 * A plain-HTTP/1.1 server for a simulator: each request is aggregated (bodies above the cap get
 * {@code 413} from Netty's aggregator and never reach the handler), handed to a {@link SimulatorHandler},
 * and answered with keep-alive as the client asked. Bind it to a loopback address; stop it with {@link #close()}.
 */
public final class SimulatorHttpServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;

    private SimulatorHttpServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) and serves {@code handler}.
     *
     * @param maxBodyBytes request bodies above this many bytes are refused with 413
     * @param threads      I/O threads (also the threads the handler runs on)
     */
    public static SimulatorHttpServer start(String host, int port, int maxBodyBytes, int threads, SimulatorHandler handler) {
        Objects.requireNonNull(handler);
        if (maxBodyBytes < 1 || threads < 1) {
            throw new IllegalArgumentException("maxBodyBytes and threads must be positive: " + maxBodyBytes + ", " + threads);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        ReplyingChannelHandler replying = new ReplyingChannelHandler(handler);
        ServerBootstrap boot = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(maxBodyBytes), replying);
                    }
                });
        try {
            Channel channel = boot.bind(new InetSocketAddress(host, port)).sync().channel();
            return new SimulatorHttpServer(group, channel);
        } catch (InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding " + host + ":" + port, e);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        return "http://" + address().getHostString() + ":" + port();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
