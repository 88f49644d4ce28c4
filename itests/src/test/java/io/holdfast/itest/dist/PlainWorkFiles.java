package io.holdfast.itest.dist;

import io.holdfast.api.kernel.WorkFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Unencrypted {@link WorkFiles} for the test JVM's side of MESH (the simulated NHS partner's uploader): what it
 * sends is test data, and the Holdfast under test keeps its own encrypted work files.
 */
final class PlainWorkFiles implements WorkFiles {
    private final Path root;

    PlainWorkFiles(Path root) {
        this.root = root;
    }

    @Override
    public PendingWorkFile create(String owner, String name) throws IOException {
        Path target = Files.createDirectories(root.resolve(owner)).resolve(name);
        Path temp = target.resolveSibling(name + ".tmp");
        OutputStream out = Files.newOutputStream(temp);
        return new PendingWorkFile() {
            private long written;
            private boolean committed;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                written++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written += len;
            }

            @Override
            public void commit() throws IOException {
                out.close();
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
            }

            @Override
            public long written() {
                return written;
            }

            @Override
            public void close() throws IOException {
                out.close();
                if (!committed) {
                    Files.deleteIfExists(temp);
                }
            }
        };
    }

    @Override
    public InputStream open(String owner, String name) throws IOException {
        return Files.newInputStream(root.resolve(owner).resolve(name));
    }

    @Override
    public OptionalLong size(String owner, String name) throws IOException {
        Path p = root.resolve(owner).resolve(name);
        return Files.exists(p) ? OptionalLong.of(Files.size(p)) : OptionalLong.empty();
    }

    @Override
    public boolean delete(String owner, String name) throws IOException {
        return Files.deleteIfExists(root.resolve(owner).resolve(name));
    }

    @Override
    public List<String> list(String owner) throws IOException {
        Path dir = root.resolve(owner);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).sorted().toList();
        }
    }

    @Override
    public long usableSpace(String owner) throws IOException {
        return Files.getFileStore(Files.createDirectories(root)).getUsableSpace();
    }
}
