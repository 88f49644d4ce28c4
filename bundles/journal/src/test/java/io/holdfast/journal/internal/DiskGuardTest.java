package io.holdfast.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageRecord;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Below the free-space threshold new input is refused (stages of held messages still complete); it resumes when space returns. */
class DiskGuardTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;
    EmbeddedDataSource ds;
    TestSurroundings env = new TestSurroundings();
    JournalCore journal;

    @BeforeEach
    void open() {
        ds = JournalFixture.derby(dir);
        journal = env.open(dir, ds);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void aNearlyFullDiskRefusesNewMessagesReportsDownAndRecovers() throws Exception {
        long held = TestSurroundings.inbound(journal, "BEFORE", "body", "route");
        env.freeBytes.set(500 * MIB);

        assertThatThrownBy(() -> TestSurroundings.inbound(journal, "REFUSED", "body", "route"))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(IntakeRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IntakeRefusedException.Reason.STORE_UNAVAILABLE);
                    assertThat(e.describe()).startsWith("HF-400").contains("disk nearly full").contains("500 MiB free")
                            .contains("nothing was stored");
                });
        assertThat(env.conditions).singleElement().asString().startsWith("DOWN DISK new input refused: 500 MiB free");
        assertThat(journal.byMessageId("REFUSED")).isEmpty();

        // A message already held still gets its stages: nothing accepted is left half-done.
        journal.record(new StageRecord(held, Stage.ACKED, "epr", Optional.empty(), "AA", Optional.empty()))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(journal.find(held).orElseThrow().lastStage().orElseThrow().stage()).isEqualTo(Stage.ACKED);

        env.freeBytes.set(1024 * MIB + 50 * MIB); // above the threshold but inside the margin: still refusing
        assertThatThrownBy(() -> TestSurroundings.inbound(journal, "MARGIN", "body", "route")).hasCauseInstanceOf(IntakeRefusedException.class);

        env.freeBytes.set(5 * TestSurroundings.GIB);
        assertThat(TestSurroundings.inbound(journal, "AFTER", "body", "route")).isPositive();
        assertThat(env.conditions).last().asString().startsWith("CLEARED DISK accepting input");
        assertThat(journal.diskStatus()).startsWith("accepting input");
        assertThat(journal.verify().intact()).isTrue();
        assertThat(journal.counts().messages()).isEqualTo(2);
    }

    @Test
    void thePercentageThresholdAppliesWhenLarger() {
        DiskGuard guard = new DiskGuard(new FreeSpace() {
            @Override
            public long usableBytes() {
                return 3 * TestSurroundings.GIB;
            }

            @Override
            public long totalBytes() {
                return 100 * TestSurroundings.GIB;
            }
        }, dir, TestSurroundings.GIB, 5, 0, JournalConditions.NONE);
        guard.refreshIfDue();
        assertThat(guard.refusing()).isTrue();
        assertThat(guard.describe()).contains("threshold 5120 MiB");
    }

    @Test
    void anUnreadableFileSystemKeepsTheLastDecision() {
        DiskGuard guard = new DiskGuard(new FreeSpace() {
            @Override
            public long usableBytes() throws java.io.IOException {
                throw new java.io.IOException("statfs failed");
            }

            @Override
            public long totalBytes() {
                return 0;
            }
        }, dir, TestSurroundings.GIB, 0, 0, JournalConditions.NONE);
        guard.refreshIfDue();
        assertThat(guard.refusing()).isFalse();
    }
}
