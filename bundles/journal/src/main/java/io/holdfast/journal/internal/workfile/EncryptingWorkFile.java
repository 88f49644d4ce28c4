package io.holdfast.journal.internal.workfile;

import io.holdfast.api.kernel.WorkFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A work file being written: encrypted into a temporary file, renamed into place on commit, discarded otherwise. */
final class EncryptingWorkFile extends WorkFiles.PendingWorkFile {
    private final FileChannel channel;
    private final OutputStream encrypting;
    private final Path temp;
    private final Path target;
    private final Path dir;
    private long written;
    private boolean committed;
    private boolean closed;

    EncryptingWorkFile(FileChannel channel, OutputStream encrypting, Path temp, Path target, Path dir) {
        this.channel = channel;
        this.encrypting = encrypting;
        this.temp = temp;
        this.target = target;
        this.dir = dir;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        encrypting.write(b);
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        encrypting.write(b, off, len);
        written += len;
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void commit() throws IOException {
        ensureOpen();
        closed = true;
        try (FileChannel ch = channel) {
            encrypting.close();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Durability.forceDirectory(dir);
        committed = true;
    }

    /** Without {@link #commit()}: discards what was written. */
    @Override
    public void close() throws IOException {
        if (committed || closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("work file " + target.getFileName() + " is already " + (committed ? "committed" : "closed"));
        }
    }
}
