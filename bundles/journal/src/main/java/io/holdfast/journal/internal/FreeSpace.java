package io.holdfast.journal.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free and total bytes of the file system holding the data folder; injectable so tests can fill a disk. */
public interface FreeSpace {

    long usableBytes() throws IOException;

    long totalBytes() throws IOException;

    /** The file system that holds {@code dir}, as the JVM sees it ({@link FileStore#getUsableSpace()}). */
    static FreeSpace of(Path dir) {
        return new FreeSpace() {
            @Override
            public long usableBytes() throws IOException {
                return store().getUsableSpace();
            }

            @Override
            public long totalBytes() throws IOException {
                return store().getTotalSpace();
            }

            private FileStore store() throws IOException {
                return Files.getFileStore(dir);
            }
        };
    }
}
