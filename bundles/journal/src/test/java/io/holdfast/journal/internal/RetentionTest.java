package io.holdfast.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.ChainVerification;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention prunes payload files, delivered outbox rows and journal rows past their periods, never
 * what an open delivery needs; the chain verifies from the signed checkpoint and tampering after it
 * is still found.
 */
class RetentionTest {
    private static final RetentionPolicy PAYLOADS_AND_OUTBOX = new RetentionPolicy(true, 30, 7, 0, 24);
    private static final RetentionPolicy EVERYTHING = new RetentionPolicy(true, 30, 7, 365, 24);

    @TempDir
    Path dir;
    EmbeddedDataSource ds;
    TestSurroundings env = new TestSurroundings();
    TestLeases leases = new TestLeases();
    JournalCore journal;
    RetentionRunner runner;

    @BeforeEach
    void open() throws Exception {
        ds = JournalFixture.derby(dir);
        journal = env.open(dir, ds);
        // The columns of routing's outbox that retention reads (routing owns the real table).
        exec("CREATE TABLE routing_outbox (id BIGINT NOT NULL PRIMARY KEY, journal_id BIGINT NOT NULL, state VARCHAR(16) NOT NULL, done_at BIGINT)");
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private void reopen() {
        journal.close();
        journal = env.open(dir, ds);
        runner = new RetentionRunner(journal, leases, "test-node", EVERYTHING);
    }

    /** Old traffic: M1 delivered, LARGE delivered (own payload file), M2 still pending; then a year later M5. */
    private long[] oldTrafficThenAYearLater() throws Exception {
        long m1 = TestSurroundings.inbound(journal, "M1", "body one", "route");
        Path big = dir.resolve("big.bin");
        Files.write(big, new byte[300_000]);
        JournalCore.StagedPayload staged = journal.stage(Payload.ofFile(big));
        long large = journal.submit(b -> b.addMessage(Envelope.of("LARGE", "mesh", "mesh:in", WireFormat.opaque()),
                Optional.of(staged.write(b)))).get(10, TimeUnit.SECONDS);
        long m2 = TestSurroundings.inbound(journal, "M2", "body two", "route");
        long doneAt = env.clock.millis();
        exec("INSERT INTO routing_outbox VALUES (1, " + m1 + ", 'DONE', " + doneAt + "), (2, " + large + ", 'DONE', " + doneAt
                + "), (3, " + m2 + ", 'PENDING', NULL)");
        reopen(); // closes the first payload segment
        env.advance(Duration.ofDays(400));
        long m5 = TestSurroundings.inbound(journal, "M5", "body five", "route");
        return new long[] {m1, large, m2, m5};
    }

    @Test
    void prunesPayloadFilesAndDeliveredOutboxRowsButKeepsWhatAnOpenDeliveryNeeds() throws Exception {
        long[] ids = oldTrafficThenAYearLater();
        runner.policy(PAYLOADS_AND_OUTBOX);
        assertThat(runner.describeDue()).contains("payload files 1,").contains("delivered outbox rows 2");

        assertThat(runner.runNow("alice")).contains("payload files 1").contains("delivered outbox rows 2");

        PayloadInfo largePayload = journal.find(ids[1]).orElseThrow().payload().orElseThrow();
        assertThatThrownBy(() -> journal.openPayload(largePayload)).isInstanceOf(HoldfastException.class)
                .hasMessageContaining("payload pruned").hasMessageContaining("pruned by retention");
        // M2's delivery is pending: the segment holding its payload (shared with M1) is kept.
        try (var in = journal.openPayload(journal.find(ids[2]).orElseThrow().payload().orElseThrow())) {
            assertThat(new String(in.readAllBytes())).isEqualTo("body two");
        }
        assertThat(queryLong("SELECT COUNT(*) FROM routing_outbox")).isEqualTo(1);
        assertThat(queryLong("SELECT id FROM routing_outbox")).isEqualTo(3);
        assertThat(journal.verify().intact()).isTrue();
        assertThat(adminRecords()).singleElement().satisfies(e -> assertThat(e.lastStage().orElseThrow().detail())
                .startsWith("retention by alice: pruned journal stage rows 0"));
    }

    @Test
    void prunesJournalRowsUpToAnOpenDeliveryAndVerifiesFromTheSignedCheckpoint() throws Exception {
        long[] ids = oldTrafficThenAYearLater();
        assertThat(runner.describeDue()).contains("journal stage rows 3 (up to row 3)");

        runner.runNow("alice");

        assertThat(journal.prunedToSeq()).contains(3L);
        assertThat(journal.find(ids[0])).isEmpty();
        assertThat(journal.find(ids[1])).isEmpty();
        assertThat(journal.find(ids[2])).isPresent();
        ChainVerification v = journal.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(queryLong("SELECT COUNT(*) FROM journal_stage"));
        assertThat(queryLong("SELECT MIN(seq) FROM journal_stage")).isEqualTo(4);
        assertThat(leases.renewals).isPositive();
        assertThat(leases.current(RetentionRunner.LEASE)).isEmpty();

        exec("UPDATE journal_stage SET system_id = 'other' WHERE seq = 5");
        assertThat(journal.verify().firstBrokenRow()).contains(5L);
    }

    @Test
    void deletingTheFirstRowAfterTheCheckpointOrForgingTheCheckpointIsFound() throws Exception {
        oldTrafficThenAYearLater();
        runner.runNow("alice");

        exec("UPDATE journal_checkpoint SET pruned_to_seq = 4, row_hash = (SELECT row_hash FROM journal_stage WHERE seq = 4)");
        exec("DELETE FROM journal_stage WHERE seq = 4");
        assertThat(journal.verify().problem().orElseThrow()).contains("signed checkpoint").contains("does not match its signature");
    }

    @Test
    void aRowDeletedRightAfterTheCheckpointIsNamed() throws Exception {
        oldTrafficThenAYearLater();
        runner.runNow("alice");
        exec("DELETE FROM journal_stage WHERE seq = 4");
        assertThat(journal.verify().problem().orElseThrow()).contains("row 4 missing");
    }

    @Test
    void afterEverythingWasPrunedARestartContinuesTheChainWithoutReusingIds() throws Exception {
        long[] ids = oldTrafficThenAYearLater();
        exec("UPDATE routing_outbox SET state = 'DONE', done_at = 0 WHERE id = 3");
        env.advance(Duration.ofDays(400));
        runner.runNow("alice");
        assertThat(queryLong("SELECT COUNT(*) FROM journal_message WHERE channel <> 'admin:retention'")).isZero();

        reopen();
        long next = TestSurroundings.inbound(journal, "M6", "body six", "route");
        assertThat(next).isGreaterThan(ids[3]);
        assertThat(journal.verify().intact()).isTrue();
    }

    @Test
    void aRunWhileAnotherHolderHasTheLeasePrunesNothing() throws Exception {
        oldTrafficThenAYearLater();
        leases.acquire(RetentionRunner.LEASE, "other-node", Duration.ofMinutes(5));
        assertThatThrownBy(() -> runner.runNow("alice")).isInstanceOfSatisfying(HoldfastException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.STORE_LOCKED);
            assertThat(e.getMessage()).contains("other-node").contains("nothing was pruned");
        });
        assertThat(journal.prunedToSeq()).isEmpty();
        assertThat(queryLong("SELECT COUNT(*) FROM routing_outbox")).isEqualTo(3);
    }

    @Test
    void withoutTheRoutingTableOutboxRetentionIsSkippedWithANote() throws Exception {
        exec("DROP TABLE routing_outbox");
        runner = new RetentionRunner(journal, leases, "test-node", EVERYTHING);
        assertThat(runner.describeDue()).contains("routing not installed");
        assertThat(runner.runNow("alice")).contains("delivered outbox rows 0");
    }

    @Test
    void configurationIsCheckedWithPidKeyAndAllowedValues() {
        assertThatThrownBy(() -> RetentionRunner.policyOf(config(Map.of("journalDays", 30))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("io.holdfast.retention")
                .hasMessageContaining("journalDays").hasMessageContaining("365 to 36500");
        assertThat(RetentionRunner.policyOf(config(Map.of())).describe()).contains("not scheduled")
                .contains("journal rows (legal hold) kept forever");
    }

    private static RetentionConfig config(Map<String, Object> values) {
        return (RetentionConfig) java.lang.reflect.Proxy.newProxyInstance(RetentionConfig.class.getClassLoader(),
                new Class<?>[] {RetentionConfig.class}, (p, m, a) -> values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue());
    }

    private java.util.List<JournalEntry> adminRecords() {
        return journal.bySystem("holdfast", 10);
    }

    private long queryLong(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void exec(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
