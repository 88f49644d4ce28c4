package ${package}.simulator;

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

/**
 * The remote booking system on a local port: Holdfast polls its outbox and delivers to its inbox over HTTP. Port 0
 * picks a free port (tests); {@link #unavailable(boolean)} simulates an outage (503 to everything).
 */
public final class BookingSimulator implements AutoCloseable {
    private static final int MAX_MESSAGE_BYTES = 1 << 20;

    private final String host;
    private final int requestedPort;
    private final BookingState state = new BookingState();
    private volatile boolean unavailable;
    private EventLoopGroup group;
    private Channel server;

    public BookingSimulator(String host, int port) {
        this.host = host;
        this.requestedPort = port;
    }

    public BookingSimulator start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        BookingHttpHandler handler = new BookingHttpHandler(state, () -> unavailable);
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_MESSAGE_BYTES), handler);
                    }
                })
                .bind(host, requestedPort).sync().channel();
        return this;
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Base URL of this simulator, e.g. {@code http://127.0.0.1:8791}. */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    public BookingState state() {
        return state;
    }

    public void unavailable(boolean down) {
        this.unavailable = down;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
