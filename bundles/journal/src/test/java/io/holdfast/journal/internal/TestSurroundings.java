package io.holdfast.journal.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Surroundings a test controls: a settable clock, a disk whose free space it sets, a watermark it
 * can make fail, and records of directory syncs and reported conditions.
 */
final class TestSurroundings {
    static final long GIB = 1L << 30;

    final List<Path> syncedDirectories = new CopyOnWriteArrayList<>();
    final List<String> conditions = new CopyOnWriteArrayList<>();
    final AtomicLong freeBytes = new AtomicLong(50 * GIB);
    final AtomicBoolean watermarkFails = new AtomicBoolean();
    final AtomicLong watermarkFailures = new AtomicLong();
    private volatile Instant now = Instant.parse("2026-01-05T10:00:00Z");

    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** A journal on Derby in {@code dir} with these surroundings; disk guard at 1 GiB. */
    JournalCore open(Path dir, org.apache.derby.jdbc.EmbeddedDataSource ds) {
        return new JournalCore(new io.holdfast.store.internal.JdbcStore(ds, dir.toString()), new TestKeys(), dir,
                JournalConfigs.with(java.util.Map.of("payloadSegmentBytes", 1 << 20, "minFreeBytes", GIB, "minFreePercent", 0)),
                environment());
    }

    /** Journals an inbound message with a small payload, RECEIVED and ROUTED to {@code target}. */
    static long inbound(JournalCore journal, String messageId, String body, String routedDetail) throws Exception {
        JournalCore.StagedPayload staged = journal.stage(io.holdfast.api.message.Payload.of(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var env = io.holdfast.api.message.Envelope.of(messageId, "pas", "mllp:adt", io.holdfast.api.message.WireFormat.hl7v2("2.4"));
        return journal.submit(b -> {
            long id = b.addMessage(env, java.util.Optional.of(staged.write(b)));
            b.addStage(id, io.holdfast.api.kernel.Stage.ROUTED, "epr", java.util.Optional.empty(), routedDetail, java.util.Optional.empty(), "");
            return id;
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    JournalEnvironment environment() {
        FreeSpace disk = new FreeSpace() {
            @Override
            public long usableBytes() {
                return freeBytes.get();
            }

            @Override
            public long totalBytes() {
                return 100 * GIB;
            }
        };
        JournalConditions recorder = new JournalConditions() {
            @Override
            public void degraded(Condition c, String text) {
                conditions.add("DEGRADED " + c + " " + text);
            }

            @Override
            public void down(Condition c, String text) {
                conditions.add("DOWN " + c + " " + text);
            }

            @Override
            public void cleared(Condition c, String text) {
                conditions.add("CLEARED " + c + " " + text);
            }
        };
        return new JournalEnvironment(dir -> {
            syncedDirectories.add(dir);
            PrivateFiles.DirectorySync.FSYNC.force(dir);
        }, dir -> disk, recorder, head -> state -> {
            if (watermarkFails.get()) {
                watermarkFailures.incrementAndGet();
                throw new IOException("injected: watermark device error");
            }
            head.record(state);
        }, Duration.ZERO, clock);
    }
}
