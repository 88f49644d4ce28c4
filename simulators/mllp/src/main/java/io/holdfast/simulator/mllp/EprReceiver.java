package io.holdfast.simulator.mllp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A downstream EPR that receives HL7 v2 over MLLP and answers with an ACK, or misbehaves as told
 * ({@link FaultMode}): slow ACK, no ACK, AE, AR, dropped connection. The fault can be switched
 * while running, and applied to the next N messages only. Keeps what it received (control ids,
 * message types) for tests and the sandbox demo.
 */
public final class EprReceiver implements AutoCloseable {
    /** What the receiver saw: MSH-10, MSH-9 and the raw message. */
    public record Received(String controlId, String messageType, byte[] message) {
    }

    private final String bindAddress;
    private final int port;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong seq = new AtomicLong();
    private volatile FaultMode fault = FaultMode.NONE;
    private volatile int faultCount = -1;
    private volatile Duration slowDelay = Duration.ofSeconds(5);
    private EventLoopGroup group;
    private Channel server;

    public EprReceiver(String bindAddress, int port) {
        this.bindAddress = bindAddress;
        this.port = port;
    }

    public synchronized EprReceiver start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new MllpFrames.Decoder(16 * 1024 * 1024)).addLast(new Handler());
                        }
                    }).bind(new InetSocketAddress(bindAddress, port)).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** Misbehave in this way for the next {@code count} messages (-1: until told otherwise). */
    public void fault(FaultMode mode, int count) {
        this.fault = mode;
        this.faultCount = count;
    }

    public void slowDelay(Duration delay) {
        this.slowDelay = delay;
    }

    public FaultMode fault() {
        return fault;
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public void clear() {
        received.clear();
    }

    private synchronized FaultMode takeFault() {
        FaultMode f = fault;
        if (f != FaultMode.NONE && faultCount > 0 && --faultCount == 0) {
            fault = FaultMode.NONE;
        }
        return f;
    }

    private final class Handler extends SimpleChannelInboundHandler<byte[]> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, byte[] message) {
            Optional<Hl7Header> msh = Hl7Header.of(message);
            received.add(new Received(msh.map(Hl7Header::controlId).orElse(""), msh.map(Hl7Header::messageType).orElse(""), message));
            boolean enhanced = msh.map(Hl7Header::enhancedMode).orElse(false);
            String id = "EPR" + seq.incrementAndGet();
            switch (takeFault()) {
                case NO_ACK -> {
                }
                case DROP_CONNECTION -> ctx.close();
                case AE -> write(ctx, EprAcks.ack(msh, AckCode.of(enhanced, 'E'),
                        Optional.of(new EprAcks.Error(EprAcks.APPLICATION_INTERNAL_ERROR, "EPR database unavailable")), id));
                case AR -> write(ctx, EprAcks.ack(msh, AckCode.of(enhanced, 'R'),
                        Optional.of(new EprAcks.Error(EprAcks.REQUIRED_FIELD_MISSING, "patient not known to EPR")), id));
                case SLOW_ACK -> ctx.executor().schedule(() -> write(ctx, EprAcks.ack(msh, AckCode.of(enhanced, 'A'), Optional.empty(), id)),
                        slowDelay.toMillis(), TimeUnit.MILLISECONDS);
                case NONE -> write(ctx, EprAcks.ack(msh, AckCode.of(enhanced, 'A'), Optional.empty(), id));
            }
        }

        private void write(ChannelHandlerContext ctx, String ack) {
            if (ctx.channel().isActive()) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(MllpFrames.frame(ack.getBytes(StandardCharsets.ISO_8859_1))));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            server = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            group = null;
        }
    }
}
