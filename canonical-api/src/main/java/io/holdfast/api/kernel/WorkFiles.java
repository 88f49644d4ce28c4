package io.holdfast.api.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * Private, encrypted scratch files for work in progress that may hold patient data before Intake
 * has made it durable (a MESH download, a gzipped upload). Each owner (e.g. {@code mesh-X26ABC2})
 * has its own folder {@code data/holdfast/work/<owner>}; names are plain file names
 * ({@code [A-Za-z0-9._-]}, 1 to 128 characters, not starting with a dot), and every path is
 * resolved and confined to the owner's folder.
 *
 * <p>Files are created {@code 0600} (permissions given at creation, never widened), encrypted at
 * rest like journal payloads, and appear under their name only when {@link PendingWorkFile#commit()}
 * has forced the bytes and atomically renamed them, the folder being forced after the rename. A file
 * closed without commit, or left half-written by a crash, is discarded (at the latest at the next
 * start). Work files are not a store of record: their owner must cope with one vanishing.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WorkFiles {

    /**
     * Starts a new work file; it replaces any file of the same name once committed.
     *
     * @throws IllegalArgumentException if owner or name is not a plain file name
     */
    PendingWorkFile create(String owner, String name) throws IOException;

    /** Decrypts a committed file as it is read; {@link java.nio.file.NoSuchFileException} if there is none. */
    InputStream open(String owner, String name) throws IOException;

    /** Plaintext size of a committed file, or empty if there is none. */
    OptionalLong size(String owner, String name) throws IOException;

    /** Deletes a committed file; false if there was none. */
    boolean delete(String owner, String name) throws IOException;

    /** Names of the owner's committed files, sorted. */
    List<String> list(String owner) throws IOException;

    /** Bytes free for this owner's files (the file store's usable space): what a caller checks before a large write. */
    long usableSpace(String owner) throws IOException;

    /**
     * A work file being written: write the plaintext, then {@link #commit()}. {@link #close()} without
     * commit discards it, so {@code try (PendingWorkFile f = ...) { ...; f.commit(); }} never leaves half a file.
     */
    @org.osgi.annotation.versioning.ProviderType
    abstract class PendingWorkFile extends OutputStream {
        /** Completes the encryption, forces the file, renames it into place and forces the folder. */
        public abstract void commit() throws IOException;

        /** Plaintext bytes written so far. */
        public abstract long written();
    }
}
