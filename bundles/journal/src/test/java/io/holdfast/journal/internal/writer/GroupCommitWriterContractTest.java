package io.holdfast.journal.internal.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.error.IntakeRefusedException.Reason;
import io.holdfast.journal.writer.WriterStatus;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.holdfast.journal.writer.GroupCommitWriter} contract, against an in-memory store
 * whose batches record what they saw: durable before complete, order, batch bounds, failure
 * isolation, back-pressure and stopping.
 */
class GroupCommitWriterContractTest {
    private final InMemoryStore store = new InMemoryStore();
    private GroupCommitEngine<InMemoryStore.Batch> writer;

    @AfterEach
    void stop() throws InterruptedException {
        store.gate.countDown();
        if (writer != null) {
            writer.close();
        }
    }

    private GroupCommitEngine<InMemoryStore.Batch> start(int maxBatch, int queueCapacity) {
        writer = new GroupCommitEngine<>(store, new WriterSettings("test-writer", maxBatch, queueCapacity, Duration.ofMillis(1),
                Duration.ofMillis(20)));
        return writer;
    }

    @Test
    void aFutureCompletesOnlyAfterItsBatchIsCommitted() throws Exception {
        start(16, 100);
        List<CompletableFuture<Boolean>> seenCommitted = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String row = "r" + i;
            CompletableFuture<String> f = writer.submit(b -> b.append(row));
            // Checked on the writer thread at completion: the row must already be in the committed store.
            seenCommitted.add(f.thenApply(r -> store.committed.contains(r)));
        }
        for (CompletableFuture<Boolean> f : seenCommitted) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void tasksCommitInSubmissionOrderAndFuturesCompleteInThatOrder() throws Exception {
        start(8, 1000);
        store.gate = new CountDownLatch(1); // hold the first batch so the rest queue behind it
        List<String> completionOrder = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String row = "r" + i;
            CompletableFuture<String> f = writer.submit(b -> b.append(row));
            f.thenAccept(completionOrder::add);
            futures.add(f);
        }
        store.gate.countDown();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        List<String> expected = IntStream.range(0, 200).mapToObj(i -> "r" + i).toList();
        assertThat(store.committed).containsExactlyElementsOf(expected);
        assertThat(completionOrder).containsExactlyElementsOf(expected);
    }

    @Test
    void underLoadBatchesShareACommitButNeverExceedMaxBatch() throws Exception {
        start(8, 1000);
        store.gate = new CountDownLatch(1);
        List<CompletableFuture<String>> futures = IntStream.range(0, 100).mapToObj(i -> writer.submit(b -> b.append("r" + i))).toList();
        store.gate.countDown();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(store.batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 8));
        assertThat(store.batchSizes).contains(8);
        WriterStatus status = writer.status();
        assertThat(status.tasksWritten()).isEqualTo(100);
        assertThat(status.commits()).isEqualTo(store.batchSizes.size()).isLessThan(100);
        assertThat(status.tasksPerCommit()).isGreaterThan(1.0);
    }

    @Test
    void aFailingTaskFailsOnlyItsOwnFutureAndTheOthersCommitInOrder() throws Exception {
        start(16, 100);
        store.gate = new CountDownLatch(1);
        CompletableFuture<String> before = writer.submit(b -> b.append("before"));
        CompletableFuture<String> bad = writer.submit(b -> {
            b.append("bad");
            throw new SQLException("constraint violated", "23505");
        });
        CompletableFuture<String> after = writer.submit(b -> b.append("after"));
        store.gate.countDown();

        assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo("before");
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IntakeRefusedException.class)
                .satisfies(e -> assertThat(((IntakeRefusedException) e).reason()).isEqualTo(Reason.STORE_UNAVAILABLE))
                .hasRootCauseMessage("constraint violated");
        assertThat(store.committed).containsExactly("before", "after");
        assertThat(store.rolledBack).contains("bad");
    }

    @Test
    void aFailedCommitRerunsEachTaskAloneSoOnlyTheTaskThatCannotCommitFails() throws Exception {
        start(16, 100);
        store.refuseCommitOf = "poison";
        store.gate = new CountDownLatch(1);
        CompletableFuture<String> first = writer.submit(b -> b.append("first"));
        CompletableFuture<String> poison = writer.submit(b -> b.append("poison"));
        CompletableFuture<String> last = writer.submit(b -> b.append("last"));
        store.gate.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo("last");
        assertThatThrownBy(() -> poison.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IntakeRefusedException.class)
                .satisfies(e -> assertThat(((IntakeRefusedException) e).reason()).isEqualTo(Reason.STORE_UNAVAILABLE));
        assertThat(store.committed).containsExactly("first", "last");
    }

    @Test
    void aPayloadThatCannotBeForcedIsReportedAsNotDurable() {
        start(16, 100);
        store.forceFails = true;
        CompletableFuture<String> f = writer.submit(b -> b.append("r"));
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IntakeRefusedException.class)
                .satisfies(e -> assertThat(((IntakeRefusedException) e).reason()).isEqualTo(Reason.PAYLOAD_NOT_DURABLE));
        assertThat(store.committed).isEmpty();
    }

    @Test
    void aFullQueueRefusesAtOnceWithBackPressureAndStoresNothing() throws Exception {
        start(1, 3);
        store.gate = new CountDownLatch(1);
        CompletableFuture<String> inFlight = writer.submit(b -> b.append("in-flight"));
        store.awaitBatchStarted();
        List<CompletableFuture<String>> queued = IntStream.range(0, 3).mapToObj(i -> writer.submit(b -> b.append("q" + i))).toList();

        CompletableFuture<String> refused = writer.submit(b -> b.append("refused"));

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).cause().isInstanceOf(IntakeRefusedException.class)
                .satisfies(e -> assertThat(((IntakeRefusedException) e).reason()).isEqualTo(Reason.BACK_PRESSURE));
        assertThat(writer.status().queued()).isEqualTo(3);
        store.gate.countDown();
        inFlight.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(store.committed).containsExactly("in-flight", "q0", "q1", "q2");
    }

    @Test
    void stoppingWritesWhatIsQueuedThenRefusesWithShuttingDown() throws Exception {
        start(4, 100);
        store.gate = new CountDownLatch(1);
        List<CompletableFuture<String>> queued = IntStream.range(0, 10).mapToObj(i -> writer.submit(b -> b.append("q" + i))).toList();
        AtomicBoolean closed = new AtomicBoolean();
        Thread closer = new Thread(() -> {
            try {
                writer.close();
                closed.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start();
        while (writer.status().running()) {
            Thread.onSpinWait();
        }
        CompletableFuture<String> late = writer.submit(b -> b.append("late"));
        store.gate.countDown();
        closer.join(10_000);

        assertThat(closed).isTrue();
        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
        assertThatThrownBy(late::join).cause().isInstanceOf(IntakeRefusedException.class)
                .satisfies(e -> assertThat(((IntakeRefusedException) e).reason()).isEqualTo(Reason.SHUTTING_DOWN));
        assertThat(store.committed).hasSize(10).doesNotContain("late");
        assertThat(store.closed).isTrue();
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new WriterSettings("w", 0, 10, Duration.ZERO, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriterSettings("w", 1, 0, Duration.ZERO, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
