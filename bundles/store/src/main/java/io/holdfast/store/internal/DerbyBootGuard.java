package io.holdfast.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Derby's crash recovery rewrites the log tail and data pages even when recovery then fails (seen
 * with a truncated log file). So that a failed start leaves the database exactly as it was for
 * whoever restores or investigates it, the files recovery may touch are copied aside before the
 * first connection and put back if the boot fails for any reason other than another process
 * holding the database (then nothing of ours touched it). After a clean shutdown (no
 * {@code db.lck}) only the log is copied, which is small; after a crash the whole database is,
 * because recovery will write data pages.
 */
final class DerbyBootGuard {
    static final String SAVED = "log.holdfast-preboot";

    private DerbyBootGuard() {
    }

    interface Boot<T> {
        T run() throws SQLException;
    }

    static <T> T guarded(Path databaseDir, Boot<T> boot) throws SQLException {
        if (!Files.isDirectory(databaseDir.resolve("log"))) {
            return boot.run();
        }
        boolean crashed = Files.exists(databaseDir.resolve("db.lck"));
        Path log = crashed ? databaseDir : databaseDir.resolve("log");
        Path saved = crashed ? databaseDir.resolveSibling(databaseDir.getFileName() + "." + SAVED) : databaseDir.resolve(SAVED);
        try {
            deleteTree(saved);
            copyTree(log, saved);
        } catch (IOException e) {
            throw new SQLException("cannot copy the Derby log aside before boot: " + e.getMessage(), "08001", e);
        }
        try {
            T result = boot.run();
            deleteQuietly(saved);
            return result;
        } catch (SQLException e) {
            if (StoreFailures.hasState(e, StoreFailures.DERBY_ALREADY_BOOTED)) {
                deleteQuietly(saved);
            } else {
                restore(saved, log, e);
            }
            throw e;
        }
    }

    private static void restore(Path saved, Path log, SQLException failure) {
        try {
            deleteTree(log, saved);
            Files.move(saved, log, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            failure.addSuppressed(new IOException("the original Derby log is kept in " + saved
                    + " but could not be moved back to " + log + ": " + e.getMessage(), e));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths.filter(p -> !p.startsWith(to))::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        deleteTree(dir, null);
    }

    /** Deletes {@code dir} and everything below it except {@code keep} (which may lie inside). */
    private static void deleteTree(Path dir, Path keep) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                if (keep == null || !p.startsWith(keep)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
