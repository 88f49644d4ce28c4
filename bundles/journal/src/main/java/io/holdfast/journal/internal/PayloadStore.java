package io.holdfast.journal.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.message.Payload;
import io.holdfast.keys.api.Aead;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.keys.api.SegmentedAead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Encrypted payload files under {@code data/holdfast/payloads}. Small payloads are appended, each
 * sealed on its own (AES-GCM, AAD = its SHA-256), to shared segment files that the writer forces
 * once per batch, so durability costs one flush per batch rather than one per message. Segment
 * files are preallocated with zeros (as Derby preallocates its log): overwriting allocated blocks
 * lets {@code force(false)} be a pure data flush, where appending to a growing file would also
 * commit the file system journal on every batch (measured: 6.8 ms against Derby's 3.5 ms). After a
 * restart appends go to a new segment, so a torn tail is never appended to. Large payloads are
 * streamed into a file of their own with segmented AEAD, in constant memory.
 * References: {@code s:<segment>:<offset>:<length>} and {@code f:<name>}.
 */
final class PayloadStore implements AutoCloseable {

    private final Path dir;
    private final MasterKeys keys;
    private final int segmentBytes;
    private final PrivateFiles files;
    private FileChannel segment;
    private volatile int segmentNo;
    private long position;
    private boolean dirty;

    PayloadStore(Path dir, MasterKeys keys, int segmentBytes, PrivateFiles files) {
        this.dir = dir;
        this.keys = keys;
        this.segmentBytes = segmentBytes;
        this.files = files;
        try {
            files.createDirectories(dir.resolve("large"));
            segmentNo = lastSegmentNumber();
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "cannot use payload directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private int lastSegmentNumber() throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("seg-\\d{6}\\.hfp"))
                    .mapToInt(n -> Integer.parseInt(n.substring(4, 10))).max().orElse(0);
        }
    }

    byte[] seal(byte[] plain, String sha256) {
        return Aead.seal(keys, KeyPurpose.PAYLOAD, plain, sha256.getBytes(StandardCharsets.US_ASCII));
    }

    /** Appends a sealed record; only the single journal writer calls this. */
    PayloadInfo append(byte[] sealed, long plainSize, String sha256) throws IOException {
        int recordBytes = 4 + sealed.length;
        FileChannel ch = current(recordBytes);
        long offset = position;
        ByteBuffer buf = ByteBuffer.allocate(recordBytes).putInt(sealed.length).put(sealed).flip();
        while (buf.hasRemaining()) {
            ch.write(buf, offset + buf.position());
        }
        position += recordBytes;
        dirty = true;
        return new PayloadInfo("s:" + segmentNo + ":" + (offset + 4) + ":" + sealed.length, plainSize, sha256);
    }

    /** The segment to append to, rolling to a new preallocated one when this record does not fit. */
    private FileChannel current(int recordBytes) throws IOException {
        if (segment == null || position + recordBytes > Math.max(segmentBytes, recordBytes)) {
            if (segment != null) {
                segment.force(false);
                segment.close();
            }
            segmentNo++;
            segment = preallocate(segmentPath(segmentNo), Math.max(segmentBytes, recordBytes));
            files.forceDirectory(dir);
            position = 0;
        }
        return segment;
    }

    private FileChannel preallocate(Path path, int bytes) throws IOException {
        FileChannel ch = files.createNew(path, StandardOpenOption.READ);
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        for (long pos = 0; pos < bytes; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - pos));
            pos += ch.write(zeros, pos);
        }
        ch.force(true);
        return ch;
    }

    /** Makes every append so far durable; called before the batch commits. */
    void force() throws IOException {
        if (dirty && segment != null) {
            segment.force(false);
            dirty = false;
        }
    }

    private Path segmentPath(int n) {
        return dir.resolve(String.format("seg-%06d.hfp", n));
    }

    /** Streams a large payload into its own encrypted file and forces it, before Intake enqueues the message. */
    PayloadInfo storeLarge(Payload payload) {
        String name = UUID.randomUUID() + ".hfs";
        Path tmp = dir.resolve("large").resolve(name + ".tmp");
        MessageDigest sha = Hashing.newSha256();
        long size;
        try (InputStream in = new DigestInputStream(payload.open(), sha);
             FileChannel ch = files.createNew(tmp)) {
            try (OutputStream out = SegmentedAead.encryptingStream(keys, new NonClosingChannelStream(ch), name.getBytes(StandardCharsets.US_ASCII))) {
                size = in.transferTo(out);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "payload could not be stored: " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, dir.resolve("large").resolve(name), StandardCopyOption.ATOMIC_MOVE);
            files.forceDirectory(dir.resolve("large"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PayloadInfo("f:" + name, size, HexFormat.of().formatHex(sha.digest()));
    }

    /** Decrypts a stored payload. */
    InputStream open(PayloadInfo info) {
        String ref = info.ref();
        try {
            if (ref.startsWith("s:")) {
                String[] p = ref.split(":");
                byte[] sealed = new byte[Integer.parseInt(p[3])];
                try (FileChannel ch = FileChannel.open(segmentPath(Integer.parseInt(p[1])), StandardOpenOption.READ)) {
                    ByteBuffer buf = ByteBuffer.wrap(sealed);
                    long pos = Long.parseLong(p[2]);
                    while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) >= 0) {
                        // read until full
                    }
                }
                return new ByteArrayInputStream(Aead.open(keys, KeyPurpose.PAYLOAD, sealed, info.sha256().getBytes(StandardCharsets.US_ASCII)));
            }
            if (ref.startsWith("f:")) {
                String name = ref.substring(2);
                return SegmentedAead.decryptingStream(keys, Files.newInputStream(dir.resolve("large").resolve(name)),
                        name.getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.PAYLOAD_INTEGRITY, "payload " + ref + " cannot be read: " + e.getMessage(), e);
        }
        throw new HoldfastException(ErrorCode.PAYLOAD_INTEGRITY, "unknown payload reference " + ref);
    }

    /** The file a payload reference lives in, relative to the payload directory: {@code seg-000012.hfp} or {@code large/<uuid>.hfs}. */
    static String containerOf(String ref) {
        if (ref.startsWith("s:")) {
            return String.format("seg-%06d.hfp", Integer.parseInt(ref.split(":")[1]));
        }
        if (ref.startsWith("f:")) {
            return "large/" + ref.substring(2);
        }
        throw new HoldfastException(ErrorCode.PAYLOAD_INTEGRITY, "unknown payload reference " + ref);
    }

    /** A payload file that may be pruned: every segment but the one being appended to, and every large file. */
    record Container(String name, java.time.Instant lastModified) {
    }

    /** Payload files no longer written to, with their last modification time (when their newest payload was stored). */
    java.util.List<Container> closedContainers() throws IOException {
        String current = segmentNo == 0 ? "" : segmentPath(segmentNo).getFileName().toString();
        java.util.List<Container> out = new java.util.ArrayList<>();
        for (Path folder : java.util.List.of(dir, dir.resolve("large"))) {
            try (var entries = Files.list(folder)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    String name = p.getFileName().toString();
                    boolean segment = folder.equals(dir) && name.matches("seg-\\d{6}\\.hfp") && !name.equals(current);
                    boolean large = !folder.equals(dir) && name.endsWith(".hfs");
                    if (segment || large) {
                        out.add(new Container(dir.relativize(p).toString().replace('\\', '/'),
                                Files.getLastModifiedTime(p).toInstant()));
                    }
                }
            }
        }
        return out;
    }

    /** Deletes a pruned payload file and makes the deletion durable. */
    void delete(String container) throws IOException {
        Path file = dir.resolve(container).normalize();
        if (!file.startsWith(dir) || container.equals(segmentPath(segmentNo).getFileName().toString())) {
            throw new IllegalArgumentException("not a closed payload file: " + container);
        }
        Files.deleteIfExists(file);
        files.forceDirectory(file.getParent());
    }

    @Override
    public void close() throws IOException {
        if (segment != null) {
            segment.force(false);
            segment.close();
            segment = null;
        }
    }

    /** Lets the encrypting stream close without closing the channel we still have to force. */
    private static final class NonClosingChannelStream extends OutputStream {
        private final FileChannel ch;

        NonClosingChannelStream(FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }
}
