package io.holdfast.keys.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides whether a missing keystore may be generated: only while nothing has been encrypted yet.
 * Generating a fresh keystore next to existing payloads or a journal would silently make all of
 * them unreadable, so any doubt counts as "data exists". The Derby directory alone proves nothing:
 * the store creates it on first boot, possibly before this component runs; the journal's
 * watermark ({@code journal.head}, written after its first commit) and payload files do.
 */
final class EncryptedDataProbe {
    static final String PAYLOADS = "payloads";
    static final String JOURNAL_WATERMARK = "journal.head";

    private EncryptedDataProbe() {
    }

    /** The first path proving encrypted data exists under {@code holdfastDataDir}, if any. */
    static Optional<Path> find(Path holdfastDataDir) {
        Path payloads = holdfastDataDir.resolve(PAYLOADS);
        if (Files.exists(payloads) && !isEmptyDirectory(payloads)) {
            return Optional.of(payloads);
        }
        Path watermark = holdfastDataDir.resolve(JOURNAL_WATERMARK);
        return Files.exists(watermark) ? Optional.of(watermark) : Optional.empty();
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
