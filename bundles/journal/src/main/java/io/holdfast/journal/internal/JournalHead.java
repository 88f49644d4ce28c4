package io.holdfast.journal.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A watermark of the last committed chain position, written beside the database after every
 * commit. Derby silently drops committed transactions when its log is cut at a record boundary;
 * on start, a database behind its watermark is refused instead of being written over. Not
 * forced to disk: after a power cut it can only lag the database, never lead it. Created
 * {@code 0600}, and its directory forced once when it is created.
 */
final class JournalHead implements Watermark, AutoCloseable {
    private final Path file;
    private final PrivateFiles files;
    private FileChannel channel;

    JournalHead(Path file, PrivateFiles files) {
        this.file = file;
        this.files = files;
    }

    /** Refuses to start on a journal that lost committed rows. */
    void check(ChainState database) {
        Optional<ChainState> recorded = read();
        if (recorded.isPresent() && recorded.get().lastSeq() > database.lastSeq()) {
            throw new HoldfastException(ErrorCode.STORE_CORRUPT, "The journal in the database ends at row "
                    + database.lastSeq() + " but rows up to " + recorded.get().lastSeq() + " were committed (watermark "
                    + file + "). The database lost committed data (damaged transaction log or an older backup). "
                    + "Nothing was written. Restore the database from a backup taken after that point; if you accept the loss, "
                    + "delete the watermark file and restart.");
        }
    }

    Optional<ChainState> read() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
            return Optional.of(new ChainState(Long.parseLong(parts[0]), parts[1], Long.parseLong(parts[2])));
        } catch (IOException | RuntimeException e) {
            throw new HoldfastException(ErrorCode.STORE_CORRUPT, "journal watermark " + file + " is unreadable: " + e, e);
        }
    }

    @Override
    public void record(ChainState state) throws IOException {
        try {
            if (channel == null) {
                boolean created = !Files.exists(file);
                files.createDirectories(file.getParent());
                channel = files.openOrCreate(file);
                if (created) {
                    files.forceDirectory(file.getParent());
                }
            }
            byte[] text = String.format("%d %s %d%n", state.lastSeq(), state.lastHash(), state.lastJournalId())
                    .getBytes(StandardCharsets.US_ASCII);
            // Fixed-width enough in practice; truncate to drop any longer previous content.
            channel.write(ByteBuffer.wrap(text), 0);
            channel.truncate(text.length);
        } catch (IOException e) {
            // Reopen on the next commit: the channel may be broken (file replaced, device error).
            close();
            channel = null;
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
