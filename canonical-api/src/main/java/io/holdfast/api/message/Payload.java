package io.holdfast.api.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Raw bytes of a message as received. Small messages are held in memory; large ones (MESH files)
 * are a file the connector streamed to disk, so the kernel can stream them into the encrypted
 * payload store without holding them in heap.
 */
@org.osgi.annotation.versioning.ProviderType
public sealed interface Payload permits Payload.Bytes, Payload.FileBacked, Payload.Streamed {

    long size();

    InputStream open() throws IOException;

    static Payload of(byte[] bytes) {
        return new Bytes(bytes);
    }

    static Payload ofFile(Path file) {
        return new FileBacked(file);
    }

    /** A payload read from elsewhere (e.g. decrypted from the journal) each time it is opened, never held in heap. */
    static Payload ofStream(long size, Opener opener) {
        return new Streamed(size, opener);
    }

    /** Opens a fresh stream over the same bytes. */
    @FunctionalInterface
    @org.osgi.annotation.versioning.ConsumerType
    interface Opener {
        InputStream open() throws IOException;
    }

    /** An in-memory payload. The array is not copied: callers must not change it afterwards. */
    record Bytes(byte[] bytes) implements Payload {
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String toString() {
            return "Payload.Bytes[" + bytes.length + " bytes]";
        }
    }

    /** A payload in a file the connector owns until Intake has made it durable. */
    record FileBacked(Path file) implements Payload {
        public FileBacked {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }

    /** Bytes of a known size that are streamed from their source on every {@link #open()}. */
    record Streamed(long size, Opener opener) implements Payload {
        public Streamed {
            Objects.requireNonNull(opener, "opener");
            if (size < 0) {
                throw new IllegalArgumentException("size < 0");
            }
        }

        @Override
        public InputStream open() throws IOException {
            return opener.open();
        }

        @Override
        public String toString() {
            return "Payload.Streamed[" + size + " bytes]";
        }
    }
}
