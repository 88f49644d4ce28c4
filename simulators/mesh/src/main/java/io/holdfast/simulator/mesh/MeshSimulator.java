package io.holdfast.simulator.mesh;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A MESH API v2 server for a set of configured mailboxes, over plain HTTP on a chosen address
 * (TLS mutual auth is not simulated). Start it with {@link #builder()}; stop it with
 * {@link #close()}. Runs standalone with {@link #main}.
 */
public final class MeshSimulator implements AutoCloseable {
    private final MeshMessageStore store;
    private final Map<String, SimulatedMailbox> mailboxes;
    private final Path incoming;
    private final MeshFaults faults = new MeshFaults();
    private final EventLoopGroup group;
    private final Channel channel;
    private final ScheduledExecutorService expiry;

    private MeshSimulator(Builder b) throws InterruptedException {
        Map<String, SimulatedMailbox> mailboxes = new LinkedHashMap<>();
        b.mailboxes.forEach(m -> mailboxes.put(m.id().toUpperCase(), m));
        this.mailboxes = Map.copyOf(mailboxes);
        NhsMeshAuthorization authorization = new NhsMeshAuthorization(b.sharedKey.getBytes(StandardCharsets.UTF_8),
                id -> Optional.ofNullable(mailboxes.get(id.toUpperCase())).map(SimulatedMailbox::password), b.clock);
        this.store = new MeshMessageStore(b.dataDir, b.clock);
        MeshApi api = new MeshApi(Map.copyOf(mailboxes), authorization, store, new Options(b.links, b.compressForGzipClients));
        this.incoming = b.dataDir.resolve("incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.group = new MultiThreadIoEventLoopGroup(b.threads, NioIoHandler.newFactory());
        ServerBootstrap boot = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpServerExpectContinueHandler(),
                                new ChunkedWriteHandler(), new MeshHttpHandler(api, faults, incoming));
                    }
                });
        try {
            this.channel = boot.bind(new InetSocketAddress(b.host, b.port)).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        this.expiry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mesh-simulator-expiry");
            t.setDaemon(true);
            return t;
        });
        expiry.scheduleWithFixedDelay(store::expire, 1, 1, TimeUnit.MINUTES);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** {@code http://host:port}: the base URL a MESH client is configured with. */
    public String baseUrl() {
        InetSocketAddress a = (InetSocketAddress) channel.localAddress();
        return "http://" + a.getHostString() + ":" + a.getPort();
    }

    public MeshFaults faults() {
        return faults;
    }

    public MeshMessageStore store() {
        return store;
    }

    /**
     * A partner system's upload, as if {@code from} had POSTed it to its outbox in one chunk with a
     * {@code sha256:} checksum: it is accepted at once and waits in {@code to}'s inbox. The same rules as the
     * HTTP API: both mailboxes must exist and be registered for the workflow. For demos and tests.
     *
     * @return the MESH message id
     */
    public String send(String from, String to, String workflowId, String fileName, byte[] content) {
        SimulatedMailbox sender = mailbox(from);
        SimulatedMailbox recipient = mailbox(to);
        if (!sender.registeredFor(workflowId) || !recipient.registeredFor(workflowId)) {
            throw new IllegalArgumentException("workflow " + workflowId + " is not registered for " + sender.id() + " and " + recipient.id());
        }
        try {
            Path body = Files.createTempFile(incoming, "send-", ".part");
            Files.write(body, content);
            String checksum = sha256Checksum(content);
            StoredMessage m = store.create(new MeshMessageStore.NewMessage(sender.id(), recipient.id(), workflowId, Optional.empty(),
                    Optional.empty(), Optional.of(fileName), Optional.of(checksum), Optional.empty(), false, 1), MeshMessageStore.MessageTypes.DATA);
            store.storeChunk(m, 1, body);
            return m.messageId;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code mex-Content-Checksum} is opaque to MESH and passed through unchanged; the partners the simulator
     * plays write {@code sha256:<hex>} over the uncompressed content, the form Holdfast verifies (NHS-INTERFACES.md).
     */
    private static String sha256Checksum(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * A partner's upload of a message compressed as a whole ({@code Content-Encoding: gzip}) and split into
     * {@code chunks} chunks, as MESH stores it: no chunk after the first is a gzip stream of its own. The
     * checksum is over the uncompressed content. Accepted at once, like {@link #send}.
     *
     * @return the MESH message id
     */
    public String sendCompressed(String from, String to, String workflowId, String fileName, byte[] content, int chunks) {
        SimulatedMailbox sender = mailbox(from);
        SimulatedMailbox recipient = mailbox(to);
        try {
            java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
                out.write(content);
            }
            byte[] compressed = gz.toByteArray();
            if (chunks < 1 || chunks > compressed.length) {
                throw new IllegalArgumentException(chunks + " chunks for " + compressed.length + " compressed bytes");
            }
            String checksum = sha256Checksum(content);
            StoredMessage m = store.create(new MeshMessageStore.NewMessage(sender.id(), recipient.id(), workflowId, Optional.empty(),
                    Optional.empty(), Optional.of(fileName), Optional.of(checksum), Optional.of(MexHeaders.GZIP), true, chunks),
                    MeshMessageStore.MessageTypes.DATA);
            int per = (compressed.length + chunks - 1) / chunks;
            for (int n = 1; n <= chunks; n++) {
                Path body = Files.createTempFile(incoming, "send-", ".part");
                int from0 = (n - 1) * per;
                Files.write(body, java.util.Arrays.copyOfRange(compressed, Math.min(from0, compressed.length),
                        Math.min(from0 + per, compressed.length)));
                store.storeChunk(m, n, body);
            }
            return m.messageId;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How {@code links.next} is written; every form is a valid RFC 3986 reference a client must resolve against its request. */
    public enum LinkStyle {
        /** {@code /messageexchange/X/inbox?...}, as MESH writes it. */
        ABSOLUTE_PATH,
        /** {@code http://host:port/messageexchange/X/inbox?...}. */
        ABSOLUTE_URL,
        /** {@code inbox?...}, relative to the request's path. */
        RELATIVE
    }

    /** Behaviour switches for tests. */
    record Options(LinkStyle links, boolean compressForGzipClients) {
    }

    /**
     * What the owner of {@code mailbox} does after downloading its inbox: acknowledges every message waiting
     * there (senders' tracking then says acknowledged).
     *
     * @return the ids acknowledged
     */
    public List<String> acknowledgeInbox(String mailbox) {
        List<String> done = new ArrayList<>();
        for (StoredMessage m : store.inbox(mailbox(mailbox).id())) {
            if (store.acknowledge(m)) {
                done.add(m.messageId);
            }
        }
        return done;
    }

    /** The configured mailbox ids. */
    public Set<String> mailboxIds() {
        return mailboxes.keySet();
    }

    /** True if the simulator has a mailbox with this id. */
    public boolean hasMailbox(String id) {
        return mailboxes.containsKey(id.toUpperCase());
    }

    private SimulatedMailbox mailbox(String id) {
        SimulatedMailbox m = mailboxes.get(id.toUpperCase());
        if (m == null) {
            throw new IllegalArgumentException("no simulated mailbox " + id + "; configured: " + mailboxes.keySet());
        }
        return m;
    }

    /** Runs the 5-day expiry and 30-day deletion now (they also run every minute). */
    public List<String> expire() {
        return store.expire();
    }

    @Override
    public void close() {
        expiry.shutdownNow();
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Configuration of a simulator instance. */
    public static final class Builder {
        private final List<SimulatedMailbox> mailboxes = new ArrayList<>();
        private String host = "127.0.0.1";
        private int port;
        private String sharedKey = "TestKey";
        private Clock clock = Clock.systemUTC();
        private Path dataDir;
        private int threads = 4;
        private LinkStyle links = LinkStyle.ABSOLUTE_PATH;
        private boolean compressForGzipClients;

        /** How {@code links.next} is written (default as MESH: an absolute path). */
        public Builder links(LinkStyle links) {
            this.links = Objects.requireNonNull(links, "links");
            return this;
        }

        /** Gzip each uncompressed chunk on its own for a client that sends {@code Accept-Encoding: gzip}, as a v2 server may. */
        public Builder compressForGzipClients(boolean compress) {
            this.compressForGzipClients = compress;
            return this;
        }

        public Builder mailbox(String id, String password, String... workflows) {
            mailboxes.add(new SimulatedMailbox(id, password, Set.of(workflows)));
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder sharedKey(String sharedKey) {
            this.sharedKey = Objects.requireNonNull(sharedKey);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public MeshSimulator start() {
            try {
                if (dataDir == null) {
                    dataDir = Files.createTempDirectory("mesh-simulator");
                }
                return new MeshSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while binding", e);
            }
        }
    }

    /**
     * {@code MeshSimulator [port] [sharedKey] [MAILBOX:password[:WORKFLOW,...]]...}; defaults to port
     * 8700 (the sandbox port), key {@code TestKey} and mailboxes X26ABC1..X26ABC3 with password
     * {@code password}.
     */
    public static void main(String[] args) throws InterruptedException {
        Builder b = builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 8700);
        if (args.length > 1) {
            b.sharedKey(args[1]);
        }
        if (args.length > 2) {
            for (int i = 2; i < args.length; i++) {
                String[] p = args[i].split(":");
                b.mailbox(p[0], p[1], p.length > 2 ? p[2].split(",") : new String[0]);
            }
        } else {
            b.mailbox("X26ABC1", "password").mailbox("X26ABC2", "password").mailbox("X26ABC3", "password");
        }
        MeshSimulator sim = b.start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println("MESH simulator listening on " + sim.baseUrl());
        Thread.currentThread().join();
    }
}
