package io.holdfast.itest.dist;

import io.holdfast.api.message.Payload;
import io.holdfast.mesh.internal.config.GzipPolicy;
import io.holdfast.mesh.internal.transport.Backoff;
import io.holdfast.mesh.internal.transport.MeshClient;
import io.holdfast.mesh.internal.transport.MeshEndpoint;
import io.holdfast.mesh.internal.transport.MeshHttp;
import io.holdfast.mesh.internal.transport.MeshUploader;
import io.holdfast.mesh.internal.transport.OutgoingMessage;
import io.holdfast.simulator.mesh.MeshSimulator;
import io.holdfast.simulator.mesh.StoredMessage.MessageView;
import io.holdfast.testkit.process.DistributionFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The NHS side of the MESH tests, in the test JVM: the MESH simulator on a free loopback port, the
 * mailboxes of the other parties (a sender and a recipient) driven with the connector's own client code,
 * and reads of what the simulator holds (chunk files on disk, digests).
 */
final class MeshSide implements AutoCloseable {
    static final String HOLDFAST = "X26HF01";
    static final String SENDER = "X26EXT01";
    static final String RECIPIENT = "X26DEST01";
    static final String PASSWORD = "password";
    static final String SHARED_KEY = "TestKey";

    private final Path dataDir;
    private final MeshSimulator sim;

    MeshSide(Path dataDir) throws IOException {
        DistributionFiles.deleteTree(dataDir);
        this.dataDir = Files.createDirectories(dataDir);
        this.sim = MeshSimulator.builder().dataDir(dataDir).mailbox(HOLDFAST, PASSWORD).mailbox(SENDER, PASSWORD)
                .mailbox(RECIPIENT, PASSWORD).sharedKey(SHARED_KEY).start();
    }

    MeshSimulator simulator() {
        return sim;
    }

    /** The distribution's mailbox configuration (clear password and key: allowed for dev, refused for live). */
    Map<String, String> holdfastMailboxConfig(long chunkSizeBytes) {
        // workflowIds * : an empty list accepts nothing; tracking asked after 2 s (default 60 s, then doubling)
        return Map.ofEntries(Map.entry("mailboxId", HOLDFAST), Map.entry("environment", "dev"), Map.entry("baseUrl", sim.baseUrl()),
                Map.entry("password", PASSWORD), Map.entry("sharedKey", SHARED_KEY), Map.entry("pollIntervalSeconds", "1"),
                Map.entry("chunkSizeBytes", String.valueOf(chunkSizeBytes)), Map.entry("gzip", "NEVER"),
                Map.entry("retryBackoffMillis", "200"), Map.entry("workflowIds", "*"), Map.entry("trackingIntervalSeconds", "2"),
                Map.entry("trackingMaxIntervalSeconds", "4"));
    }

    /** Sends {@code file} from {@code from} in chunks of {@code chunkSize}; returns the MESH message id. */
    String send(String from, String to, String workflow, Path file, long chunkSize, String localId) throws IOException {
        Path temp = Files.createDirectories(uploadDir());
        return new MeshUploader(client(from), chunkSize, GzipPolicy.NEVER, new PlainWorkFiles(temp), "mesh-" + from)
                .send(new OutgoingMessage(to, workflow, Optional.empty(), Optional.of(localId), Optional.of(file.getFileName().toString()),
                        Payload.ofFile(file)))
                .messageId();
    }

    void acknowledgeAs(String mailbox, String messageId) {
        client(mailbox).acknowledge(messageId);
    }

    Optional<MessageView> message(String messageId) {
        return sim.store().get(messageId).map(m -> m.view());
    }

    List<MessageView> messages(String from, String to) {
        return sim.store().all().stream().filter(m -> m.sender().equalsIgnoreCase(from) && m.recipient().equalsIgnoreCase(to)).toList();
    }

    /** Request bodies the simulator has received in full but not answered yet (a slowed chunk, say). */
    long bodiesHeld() {
        try (Stream<Path> s = Files.list(dataDir.resolve("incoming"))) {
            return s.filter(p -> {
                try {
                    return Files.size(p) > 0;
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** SHA-256 over a stored message's chunks in order, i.e. of its content as MESH holds it (gzip NEVER). */
    String contentSha256(MessageView m) throws IOException {
        MessageDigest md = sha256();
        for (int n = 1; n <= m.totalChunks(); n++) {
            try (InputStream in = Files.newInputStream(dataDir.resolve(m.messageId()).resolve(n + ".chunk"))) {
                in.transferTo(new DigestSink(md));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    String content(MessageView m) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int n = 1; n <= m.totalChunks(); n++) {
            b.append(Files.readString(dataDir.resolve(m.messageId()).resolve(n + ".chunk"), StandardCharsets.ISO_8859_1));
        }
        return b.toString();
    }

    /** A file of {@code size} seeded random bytes; returns its SHA-256 hex. */
    static String randomFile(Path file, long size, long seed) throws IOException {
        MessageDigest md = sha256();
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                md.update(block, 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private MeshClient client(String mailbox) {
        MeshEndpoint e = new MeshEndpoint(URI.create(sim.baseUrl()), mailbox, PASSWORD, SHARED_KEY.getBytes(StandardCharsets.UTF_8),
                Optional.empty());
        return new MeshClient(new MeshHttp(e, MeshHttp.newClient(e, Duration.ofSeconds(10)), Clock.systemUTC(), Backoff.DEFAULT,
                Duration.ofMinutes(5)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the simulator and deletes its files (what it held is asserted on before). */
    @Override
    public void close() {
        sim.close();
        try {
            DistributionFiles.deleteTree(dataDir);
            DistributionFiles.deleteTree(uploadDir());
        } catch (IOException e) {
            System.err.println("MESH simulator files left in " + dataDir + ": " + e);
        }
    }

    private Path uploadDir() {
        return dataDir.resolveSibling(dataDir.getFileName() + "-upload");
    }

    /** An OutputStream that only feeds a digest. */
    private static final class DigestSink extends OutputStream {
        private final MessageDigest md;

        DigestSink(MessageDigest md) {
            this.md = md;
        }

        @Override
        public void write(int b) {
            md.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            md.update(b, off, len);
        }
    }
}
