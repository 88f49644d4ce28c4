package io.holdfast.journal.internal.workfile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forcing a folder makes a create or rename in it survive a power cut (POSIX); other platforms cannot open a folder and need not. */
final class Durability {
    private Durability() {
    }

    static void forceDirectory(Path dir) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            return;
        }
        try (ch) {
            ch.force(true);
        }
    }
}
