package io.holdfast.journal.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the journal takes from its surroundings, separate from configuration so tests can inject a
 * full disk, a failing watermark or a recording directory sync; {@link #production} is what the
 * component uses.
 *
 * @param directorySync     forces a directory after a file in it was created, renamed or deleted
 * @param freeSpace         free space of the file system holding the data folder
 * @param conditions        where DEGRADED / DOWN conditions go (health and alerts)
 * @param watermark         wraps the watermark writer (identity in production; fault injection in tests)
 * @param diskCheckInterval how often the writer re-reads free space
 * @param clock             stage times, checkpoint and retention times
 */
public record JournalEnvironment(PrivateFiles.DirectorySync directorySync, Function<Path, FreeSpace> freeSpace,
                                 JournalConditions conditions, UnaryOperator<Watermark> watermark, Duration diskCheckInterval,
                                 Clock clock) {

    public static JournalEnvironment production(JournalConditions conditions) {
        return new JournalEnvironment(PrivateFiles.DirectorySync.FSYNC, FreeSpace::of, conditions, UnaryOperator.identity(),
                Duration.ofSeconds(1), Clock.systemUTC());
    }

    JournalEnvironment withConditions(JournalConditions c) {
        return new JournalEnvironment(directorySync, freeSpace, c, watermark, diskCheckInterval, clock);
    }
}
