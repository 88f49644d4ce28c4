package io.holdfast.keys.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides whether a missing keystore may be generated: only while nothing has been encrypted yet.
 * Generating a fresh keystore next to existing payloads or a database would silently make all of
 * them unreadable, so any doubt counts as "data exists".
 */
final class EncryptedDataProbe {
    static final String PAYLOADS = "payloads";
    static final String DERBY = "derby";

    private EncryptedDataProbe() {
    }

    /** The first path proving encrypted data exists under {@code holdfastDataDir}, if any. */
    static Optional<Path> find(Path holdfastDataDir) {
        Path payloads = holdfastDataDir.resolve(PAYLOADS);
        if (Files.exists(payloads) && !isEmptyDirectory(payloads)) {
            return Optional.of(payloads);
        }
        Path derby = holdfastDataDir.resolve(DERBY);
        return Files.exists(derby) ? Optional.of(derby) : Optional.empty();
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false; // unreadable: assume it holds data
        }
    }
}
