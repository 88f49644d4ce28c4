package io.holdfast.journal.internal.workfile;

import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.keys.api.SegmentedAead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WorkFiles} under one root folder ({@code data/holdfast/work}), encrypted with the journal's
 * segmented AEAD ({@link SegmentedAead}, the PAYLOAD key) and bound (AAD) to owner and name, so a
 * file copied to another name does not decrypt. A file is written to a hidden temporary name
 * ({@code .<name>.<uuid>.tmp}, which no valid name can be) and renamed into place on commit.
 */
public final class EncryptedWorkFiles implements WorkFiles {
    private static final Logger LOG = LoggerFactory.getLogger(EncryptedWorkFiles.class);
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    static final String TEMP_SUFFIX = ".tmp";

    private final Path root;
    private final MasterKeys keys;

    public EncryptedWorkFiles(Path root, MasterKeys keys) {
        this.root = root.toAbsolutePath().normalize();
        this.keys = keys;
    }

    public Path root() {
        return root;
    }

    /** Deletes temporary files a crash left behind (never committed, so nobody relies on them); returns how many. */
    public int discardPartial() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int discarded = 0;
        try (Stream<Path> owners = Files.list(root)) {
            for (Path owner : owners.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(owner)) {
                    for (Path p : files.filter(EncryptedWorkFiles::isTemporary).toList()) {
                        Files.deleteIfExists(p);
                        discarded++;
                    }
                }
            }
        }
        return discarded;
    }

    private static boolean isTemporary(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".") && n.endsWith(TEMP_SUFFIX);
    }

    @Override
    public PendingWorkFile create(String owner, String name) throws IOException {
        Path dir = ownerDir(owner, true);
        Path target = confined(dir, name);
        Path temp = inside(dir, "." + name + "." + UUID.randomUUID() + TEMP_SUFFIX);
        FileChannel channel = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                privateFile());
        try {
            return new EncryptingWorkFile(channel, SegmentedAead.encryptingStream(keys, new ChannelOutput(channel), aad(owner, name)),
                    temp, target, dir);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    @Override
    public InputStream open(String owner, String name) throws IOException {
        Path file = confined(ownerDir(owner, false), name);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(owner + "/" + name);
        }
        return SegmentedAead.decryptingStream(keys, Files.newInputStream(file), aad(owner, name));
    }

    @Override
    public OptionalLong size(String owner, String name) throws IOException {
        Path file = confined(ownerDir(owner, false), name);
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(SealedSize.plaintextLength(Files.size(file)));
    }

    @Override
    public boolean delete(String owner, String name) throws IOException {
        return Files.deleteIfExists(confined(ownerDir(owner, false), name));
    }

    @Override
    public List<String> list(String owner) throws IOException {
        Path dir = ownerDir(owner, false);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Override
    public long usableSpace(String owner) throws IOException {
        Path dir = ownerDir(owner, true);
        return Files.getFileStore(dir).getUsableSpace();
    }

    private Path ownerDir(String owner, boolean create) throws IOException {
        Path dir = confined(root, owner);
        if (create && !Files.isDirectory(dir)) {
            Files.createDirectories(root);
            try {
                Files.createDirectory(dir, privateDirectory());
                Durability.forceDirectory(root);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Another thread created it first: fine.
            }
        }
        return dir;
    }

    /** Resolves a plain name inside {@code dir}; anything that could leave it (separators, "..", absolute paths) is refused. */
    static Path confined(Path dir, String name) {
        if (name == null || !PLAIN_NAME.matcher(name).matches() || name.equals("..")) {
            throw new IllegalArgumentException("work file name '" + name + "' is not a plain file name ([A-Za-z0-9._-], 1-128 "
                    + "characters, not starting with a dot)");
        }
        return inside(dir, name);
    }

    private static Path inside(Path dir, String fileName) {
        Path p = dir.resolve(fileName).normalize();
        if (!dir.equals(p.getParent())) {
            throw new IllegalArgumentException("work file name '" + fileName + "' leaves its folder");
        }
        return p;
    }

    private static byte[] aad(String owner, String name) {
        return ("holdfast-work:" + owner + "/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static FileAttribute<?>[] privateFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] privateDirectory() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    static void logDiscarded(Path root, int n) {
        if (n > 0) {
            LOG.info("Work files: discarded {} partial file(s) under {} left by an earlier stop", n, root);
        }
    }

    /** Lets the encrypting stream close without closing the channel that still has to be forced. */
    private static final class ChannelOutput extends java.io.OutputStream {
        private final java.io.OutputStream out;

        ChannelOutput(FileChannel ch) {
            this.out = Channels.newOutputStream(ch);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // The channel is forced and closed by the work file.
        }
    }
}
