package io.holdfast.mllp.internal.transport;

import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import io.holdfast.hl7v2.UkHapiContexts;
import io.holdfast.hl7v2.Fixtures;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.hl7v2.AckCode;
import io.holdfast.hl7v2.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.mllp.protocol.MllpFrame;
import io.holdfast.mllp.protocol.MllpFrameDecoder;
import io.holdfast.mllp.protocol.MllpFraming;
import io.holdfast.testkit.TestKernel;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * {@code benchmarks/run mllp} (issue 6 point 9). Same UK ADT^A01 v2.4 traffic (valid test NHS
 * numbers, a new visit per message so every message is NEW), closed loop (each connection waits
 * for its ACK) at 1, 4 and 16 connections against (a) HAPI's SimpleServer, parse + ACK, no storage,
 * (b) raw Netty + HAPI parse + ACK, no storage, (c) Holdfast's listener in front of the real kernel
 * (Derby on disk, journal, idempotency claim; ACK after commit). Then an open-loop run of (c) paced
 * at half its peak, latency from the scheduled send time. All in one JVM, servers back to back,
 * each warmed up. Lives in the connector's test sources because benchmarks/pom.xml does not (yet)
 * depend on holdfast-mllp; see the module README.
 *
 * <p>Args: workDir warmupSeconds windowSeconds
 */
public final class MllpBenchmark {
    static final int[] CONNECTIONS = {1, 4, 16};
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    static final AtomicLong SEQ = new AtomicLong();
    static final String TEMPLATE = Fixtures.text("adt_a01_v24.hl7");
    static final String[] NHS = testNhsNumbers(5000);

    record Result(double msgsPerSecond, double p50Ms, double p99Ms, long messages, double commitsPerMessage) {
    }

    interface Server extends AutoCloseable {
        int port();

        default long commits() {
            return 0;
        }

        @Override
        void close() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/mllp-bench");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Files.createDirectories(work);
        Map<String, Map<Integer, Result>> all = new LinkedHashMap<>();
        try (Server s = simpleServer()) {
            all.put("simpleserver", closedLoop("simpleserver", s, warmup, window));
        }
        try (Server s = nettyServer()) {
            all.put("netty", closedLoop("netty", s, warmup, window));
        }
        Result halfLoad;
        try (HoldfastServer s = new HoldfastServer(Files.createTempDirectory(work, "holdfast"))) {
            all.put("holdfast", closedLoop("holdfast", s, warmup, window));
            double peak = all.get("holdfast").values().stream().mapToDouble(Result::msgsPerSecond).max().orElse(1);
            halfLoad = openLoop(s, peak / 2, 4, window);
        }
        print(all, halfLoad);
    }

    static Map<Integer, Result> closedLoop(String name, Server server, int warmup, int window) throws Exception {
        Map<Integer, Result> out = new LinkedHashMap<>();
        for (int c : CONNECTIONS) {
            run(server, c, warmup);
            out.put(c, run(server, c, window));
            System.err.printf("[bench] %s c%d: %.0f msg/s%n", name, c, out.get(c).msgsPerSecond());
        }
        return out;
    }

    /** {@code connections} threads, each sending and waiting for the ACK, for {@code seconds}. */
    static Result run(Server server, int connections, int seconds) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        long[] endHolder = new long[1];
        List<long[]> latencies = new ArrayList<>();
        AtomicLong count = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < connections; i++) {
            long[] lat = new long[200_000 + 2_000_000 / connections];
            latencies.add(lat);
            Thread t = new Thread(() -> {
                int n = 0;
                try (MllpClient c = MllpClient.connect("127.0.0.1", server.port(), ACK_TIMEOUT)) {
                    go.await();
                    long end = endHolder[0];
                    while (System.nanoTime() < end && n < lat.length - 1) {
                        byte[] m = nextMessage();
                        long t0 = System.nanoTime();
                        AckMessage a = AckMessage.read(c.exchange(m, ACK_TIMEOUT)).orElseThrow();
                        lat[++n] = System.nanoTime() - t0;
                        if (a.code().outcome() != AckCode.Outcome.ACCEPTED) {
                            throw new IllegalStateException("negative ACK " + a.code() + " " + a.text());
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
                lat[0] = n;
                count.addAndGet(n);
            });
            threads.add(t);
        }
        threads.forEach(Thread::start);
        Thread.sleep(200); // connections open before the window starts
        long commitsBefore = server.commits();
        long start = System.nanoTime();
        endHolder[0] = start + TimeUnit.SECONDS.toNanos(seconds);
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!errors.isEmpty()) {
            throw new IllegalStateException("load driver failed against " + server.getClass().getSimpleName(), errors.get(0));
        }
        long[] merged = merge(latencies);
        long commits = server.commits() - commitsBefore;
        return new Result(count.get() / elapsed, pct(merged, 50), pct(merged, 99), count.get(),
                count.get() == 0 ? 0 : (double) commits / count.get());
    }

    /** Open loop: sends scheduled at {@code rate}/s over {@code connections}; latency from the scheduled time. */
    static Result openLoop(Server server, double rate, int connections, int seconds) throws Exception {
        long interval = (long) (1e9 * connections / rate);
        long total = (long) (rate * seconds / connections);
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections * 2);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < connections; i++) {
            long offset = interval * i / connections;
            long[] lat = new long[(int) total + 1];
            latencies.add(lat);
            MllpClient c = MllpClient.connect("127.0.0.1", server.port(), ACK_TIMEOUT);
            BlockingQueue<Long> scheduled = new ArrayBlockingQueue<>(100_000);
            new Thread(() -> {
                try {
                    for (long k = 0; k < total; k++) {
                        long at = start + offset + k * interval;
                        long wait = at - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        byte[] m = nextMessage();
                        scheduled.put(at);
                        c.send(m);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
                done.countDown();
            }).start();
            new Thread(() -> {
                try {
                    for (int k = 1; k <= total; k++) {
                        c.read(ACK_TIMEOUT);
                        lat[k] = System.nanoTime() - scheduled.take();
                        lat[0] = k;
                    }
                    c.close();
                } catch (Throwable e) {
                    errors.add(e);
                }
                done.countDown();
            }).start();
        }
        done.await(seconds + 120L, TimeUnit.SECONDS);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("open-loop driver failed", errors.get(0));
        }
        long[] merged = merge(latencies);
        return new Result(rate, pct(merged, 50), pct(merged, 99), merged.length, 0);
    }

    static byte[] nextMessage() {
        long n = SEQ.incrementAndGet();
        String m = TEMPLATE.replace("0000481516", "B" + n).replace("V000123", "V" + n).replace("9449305552", NHS[(int) (n % NHS.length)]);
        return m.getBytes(StandardCharsets.ISO_8859_1);
    }

    static long[] merge(List<long[]> latencies) {
        int size = 0;
        for (long[] l : latencies) {
            size += (int) l[0];
        }
        long[] all = new long[size];
        int p = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 1, all, p, (int) l[0]);
            p += (int) l[0];
        }
        Arrays.sort(all);
        return all;
    }

    static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    static String[] testNhsNumbers(int count) {
        List<String> out = new ArrayList<>();
        for (long base = 944_930_000_0L; out.size() < count; base++) {
            String d = Long.toString(base);
            if (io.holdfast.api.model.NhsNumber.isValid(d)) {
                out.add(d);
            }
        }
        return out.toArray(String[]::new);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** (a) HAPI's own SimpleServer with the UK context (its default US validation would AE these messages). */
    static Server simpleServer() throws Exception {
        HapiContext ctx = UkHapiContexts.canonical();
        int port = freePort();
        HL7Service service = ctx.newServer(port, false);
        service.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message in, Map<String, Object> meta) {
                try {
                    return in.generateACK();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean canProcess(Message in) {
                return true;
            }
        });
        service.startAndWait();
        return new Server() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() throws IOException {
                service.stopAndWait();
                ctx.close();
            }
        };
    }

    /** (b) Netty + MLLP framing + HAPI parse + HAPI ACK, no storage. */
    static Server nettyServer() throws Exception {
        PipeParser parser = UkHapiContexts.canonical().getPipeParser();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                NioIoHandler.newFactory());
        Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new MllpFrameDecoder(1 << 20)).addLast(new SimpleChannelInboundHandler<MllpFrame>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, MllpFrame f) throws Exception {
                                Message m = parser.parse(new String(f.bytes(), StandardCharsets.ISO_8859_1));
                                byte[] ack = parser.encode(m.generateACK()).getBytes(StandardCharsets.ISO_8859_1);
                                ctx.writeAndFlush(Unpooled.wrappedBuffer(MllpFraming.frame(ack)));
                            }
                        });
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        return new Server() {
            @Override
            public int port() {
                return ((InetSocketAddress) ch.localAddress()).getPort();
            }

            @Override
            public void close() {
                ch.close().awaitUninterruptibly();
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            }
        };
    }

    /** (c) Holdfast: the MLLP listener in front of the real kernel; ACK after the journal/claim commit. */
    static final class HoldfastServer implements Server {
        final TestKernel kernel;
        final MllpListener listener;

        HoldfastServer(Path dir) throws Exception {
            kernel = KernelFixture.start(dir);
            listener = new MllpListener(ListenerSettings.loopback("bench", 0), kernel.intake());
            listener.start();
        }

        @Override
        public int port() {
            return listener.boundPort();
        }

        @Override
        public long commits() {
            return kernel.counters().commits();
        }

        @Override
        public void close() {
            listener.close();
            kernel.close();
        }
    }

    static void print(Map<String, Map<Integer, Result>> all, Result half) {
        System.out.println("MLLP closed loop, ADT^A01 v2.4 (UK, valid test NHS numbers), each connection waits for its ACK");
        System.out.printf("%-13s %5s %10s %9s %9s %10s %13s%n", "server", "conns", "msgs/s", "p50 ms", "p99 ms", "messages", "commits/msg");
        all.forEach((server, byConn) -> byConn.forEach((c, r) -> System.out.printf("%-13s %5d %10.0f %9.2f %9.2f %10d %13s%n", server, c,
                r.msgsPerSecond(), r.p50Ms(), r.p99Ms(), r.messages(), server.equals("holdfast") ? String.format("%.3f", r.commitsPerMessage()) : "-")));
        System.out.printf("holdfast open loop at %.0f msgs/s (half of peak): p50 %.2f ms, p99 %.2f ms over %d messages%n", half.msgsPerSecond(),
                half.p50Ms(), half.p99Ms(), half.messages());
        all.forEach((server, byConn) -> byConn.forEach((c, r) -> {
            System.out.printf("RESULT mllp_%s_msgs_per_s_c%d=%.1f%n", server, c, r.msgsPerSecond());
            System.out.printf("RESULT mllp_%s_p99_ms_c%d=%.3f%n", server, c, r.p99Ms());
        }));
        double hf4 = all.get("holdfast").get(4).msgsPerSecond();
        System.out.printf("RESULT mllp_vs_simpleserver_c4=%.3f%n", hf4 / all.get("simpleserver").get(4).msgsPerSecond());
        System.out.printf("RESULT mllp_vs_netty_c4=%.3f%n", hf4 / all.get("netty").get(4).msgsPerSecond());
        System.out.printf("RESULT mllp_ack_p99_ms_half_load=%.3f%n", half.p99Ms());
        System.out.printf("RESULT mllp_commits_per_msg_c1=%.3f%n", all.get("holdfast").get(1).commitsPerMessage());
        System.out.printf("RESULT mllp_commits_per_msg_c16=%.3f%n", all.get("holdfast").get(16).commitsPerMessage());
    }
}
