package io.holdfast.journal.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the journal's files and directories private to the Holdfast user from the first byte
 * (files {@code 0600}, directories {@code 0700}: set at creation, never chmod-ed afterwards, so
 * there is no window in which another user can open them), and makes their creation durable by
 * forcing the directory that holds them. On a file system without POSIX permissions (Windows)
 * the attributes are left to the folder's ACL and directory sync is a no-op.
 */
public final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] FILE = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
    private static final FileAttribute<?>[] DIRECTORY = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
            : new FileAttribute<?>[0];

    private final DirectorySync sync;

    PrivateFiles(DirectorySync sync) {
        this.sync = sync;
    }

    /** Creates {@code dir} and any missing parents {@code 0700}, forcing each new entry into its parent. */
    void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(absolute, DIRECTORY);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
            return;
        }
        if (parent != null) {
            sync.force(parent);
        }
    }

    /** Opens a new file {@code 0600} (failing if it exists); the caller forces its directory once the file has content. */
    FileChannel createNew(Path file, OpenOption... more) throws IOException {
        Set<OpenOption> options = new java.util.HashSet<>(Set.of(more));
        options.add(StandardOpenOption.CREATE_NEW);
        options.add(StandardOpenOption.WRITE);
        return FileChannel.open(file, options, FILE);
    }

    /** Opens a file for writing, creating it {@code 0600} if absent (an existing file keeps its mode). */
    FileChannel openOrCreate(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), FILE);
    }

    /** Makes the directory entries of {@code dir} (a created, renamed or deleted file) durable. */
    void forceDirectory(Path dir) throws IOException {
        sync.force(dir);
    }

    /**
     * Forces a directory's entries to disk. A file's own {@code force} makes its content durable,
     * not the directory entry naming it: after a power cut a created or renamed file can vanish
     * unless its directory is forced too.
     */
    @FunctionalInterface
    public interface DirectorySync {
        void force(Path dir) throws IOException;

        /** {@code FileChannel.open(dir, READ).force(true)}: an fsync of the directory on Linux; a no-op where directories cannot be opened (Windows). */
        DirectorySync FSYNC = dir -> {
            if (!POSIX) {
                return;
            }
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
        };
    }
}
