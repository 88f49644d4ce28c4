package io.holdfast.journal.writer;

import java.util.concurrent.CompletableFuture;

/**
 * The single group-commit writer of the kernel. One writer thread takes the tasks that have queued
 * (from every connection, connector and kernel bundle), runs them in one database transaction and
 * commits once, then completes their futures.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Durable before complete.</b> A future completes normally only after its task's batch is
 * committed and every payload byte it references is forced to disk (fsync). "Durable" means: the
 * rows survive a process kill or power loss once the future has completed. A connector may
 * acknowledge the sender then, and not before.</li>
 * <li><b>Nothing stored on failure.</b> A future that completes exceptionally means its task left
 * nothing behind. The exception is the task's own {@code HoldfastException} if it threw one, else an
 * {@link io.holdfast.api.error.IntakeRefusedException} with reason {@code STORE_UNAVAILABLE} (the
 * database refused), {@code PAYLOAD_NOT_DURABLE} (a payload could not be forced),
 * {@code BACK_PRESSURE} or {@code SHUTTING_DOWN} (below). The sender must get a negative answer.</li>
 * <li><b>A failing task fails only its own future.</b> If a task throws, or a batch's commit fails,
 * the batch is rolled back and each of its tasks is run again alone, in the original order; tasks
 * that succeed alone commit and complete normally. Tasks are therefore re-runnable (see {@link BatchTask}).</li>
 * <li><b>Order.</b> Tasks run in the order the writer accepted them (for one submitting thread: the
 * order of its {@code submit} calls), also when a failed batch is re-run task by task; rows they
 * append (e.g. the journal hash chain) follow that order. Futures of a batch complete in that order.</li>
 * <li><b>Batch size and latency.</b> A batch holds at most {@link WriterStatus#maxBatch()} tasks. The
 * writer starts a batch as soon as one task is queued; only when the previous batch held several
 * tasks does it wait a bounded linger (1 ms in the journal) for as many to queue again. A lone sender
 * therefore waits for one commit, never for the linger.</li>
 * <li><b>Back-pressure, never blocking.</b> {@code submit} never blocks. When
 * {@link WriterStatus#queueCapacity()} tasks are already waiting, the returned future is already
 * failed with {@code IntakeRefusedException} reason {@code BACK_PRESSURE}; the caller answers
 * negatively and the sender retries.</li>
 * <li><b>Stopping.</b> After stop begins, {@code submit} fails with reason {@code SHUTTING_DOWN};
 * tasks already queued are still written.</li>
 * <li><b>Threads.</b> Futures complete on the writer thread: callers hop to their own executor
 * before doing real work in a continuation (the writer serves everybody).</li>
 * </ul>
 *
 * @param <B> what a task writes into (e.g. {@code io.holdfast.journal.api.WriteBatch})
 */
@org.osgi.annotation.versioning.ProviderType
public interface GroupCommitWriter<B> {

    /** Queues a task for the next batch; never blocks (see the class contract for outcomes). */
    <T> CompletableFuture<T> submit(BatchTask<? super B, T> task);

    /** Commits, tasks, queue depth and limits, now. */
    WriterStatus status();
}
