package io.holdfast.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payload and watermark files are private from creation, their directories are forced, and a failed watermark re-runs nothing. */
class CrashSafeFilesTest {
    @TempDir
    Path tmp;
    Path dir;
    EmbeddedDataSource ds;
    TestSurroundings env = new TestSurroundings();
    JournalCore journal;

    @BeforeEach
    void open() {
        dir = tmp.resolve("data");
        ds = JournalFixture.derby(tmp);
        journal = env.open(dir, ds);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void payloadSegmentLargeFileAndWatermarkAre0600InDirectories0700() throws Exception {
        TestSurroundings.inbound(journal, "M1", "small payload", "route");
        Path big = tmp.resolve("big.bin");
        Files.write(big, new byte[300_000]);
        journal.stage(Payload.ofFile(big));

        assertThat(mode(dir.resolve("payloads"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("payloads/large"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("journal.head"))).isEqualTo("rw-------");
        try (var files = Files.walk(dir.resolve("payloads"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void directoriesAreForcedAfterASegmentIsCreatedAndALargeFileRenamed() throws Exception {
        env.syncedDirectories.clear();
        TestSurroundings.inbound(journal, "M1", "small payload", "route");
        assertThat(env.syncedDirectories).contains(dir.resolve("payloads"));

        env.syncedDirectories.clear();
        Path big = tmp.resolve("big.bin");
        Files.write(big, new byte[300_000]);
        journal.stage(Payload.ofFile(big));
        assertThat(env.syncedDirectories).containsExactly(dir.resolve("payloads/large"));
    }

    @Test
    void aNewDataFolderIsCreatedPrivateAndEachNewDirectoryForcedIntoItsParent() {
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(env.syncedDirectories).contains(tmp, dir);
    }

    @Test
    void aFailedWatermarkDoesNotFailOrReRunTheCommittedBatch() throws Exception {
        env.watermarkFails.set(true);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Long> f = journal.submit(b -> {
            runs.incrementAndGet();
            return b.addMessage(Envelope.of("W1", "pas", "t", WireFormat.opaque()), Optional.empty());
        });

        assertThat(f.get(10, TimeUnit.SECONDS)).isPositive();
        assertThat(runs).hasValue(1);
        assertThat(env.watermarkFailures.get()).isEqualTo(1);
        assertThat(journal.byMessageId("W1")).hasSize(1);
        assertThat(env.conditions).singleElement().asString().startsWith("DEGRADED WATERMARK watermark write failed after row 1");

        env.watermarkFails.set(false);
        journal.submit(b -> b.addMessage(Envelope.of("W2", "pas", "t", WireFormat.opaque()), Optional.empty())).get(10, TimeUnit.SECONDS);
        assertThat(env.conditions).last().asString().startsWith("CLEARED WATERMARK");
        assertThat(Files.readString(dir.resolve("journal.head"))).startsWith("2 ");
        assertThat(journal.verify().intact()).isTrue();
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
