package io.holdfast.journal.internal.writer;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.error.IntakeRefusedException.Reason;
import io.holdfast.journal.writer.BatchTask;
import io.holdfast.journal.writer.GroupCommitWriter;
import io.holdfast.journal.writer.WriterStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group-commit writer (see {@link GroupCommitWriter} for the contract it keeps): one thread
 * takes whatever tasks have queued, runs them in one {@link BatchTransactions} batch, commits once,
 * then completes their futures. If a batch fails, each of its tasks is re-run alone so one bad
 * message cannot fail the others.
 *
 * @param <B> the batch tasks write into
 */
public final class GroupCommitEngine<B> implements GroupCommitWriter<B>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitEngine.class);

    private record Pending<B, T>(BatchTask<? super B, T> task, CompletableFuture<T> future) {
        void complete(Object result) {
            @SuppressWarnings("unchecked")
            T typed = (T) result;
            future.complete(typed);
        }
    }

    private final BatchTransactions<B> transactions;
    private final WriterSettings settings;
    private final BlockingQueue<Pending<B, ?>> queue;
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();
    private volatile boolean running = true;
    private int lastBatchSize = 1;

    public GroupCommitEngine(BatchTransactions<B> transactions, WriterSettings settings) {
        this.transactions = transactions;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::loop, settings.threadName());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public <T> CompletableFuture<T> submit(BatchTask<? super B, T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new IntakeRefusedException(Reason.SHUTTING_DOWN, "the " + settings.threadName()
                    + " is stopping; nothing was stored"));
        } else if (!queue.offer(new Pending<>(task, f))) {
            f.completeExceptionally(new IntakeRefusedException(Reason.BACK_PRESSURE, "the " + settings.threadName()
                    + " queue is full (" + settings.queueCapacity() + " waiting); nothing was stored; retry shortly"));
        }
        return f;
    }

    @Override
    public WriterStatus status() {
        return new WriterStatus(commits.get(), tasks.get(), queue.size(), settings.queueCapacity(), settings.maxBatch(), running);
    }

    private void loop() {
        List<Pending<B, ?>> batch = new ArrayList<>(settings.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                Pending<B, ?> first = queue.poll(settings.idleTick().toNanos(), TimeUnit.NANOSECONDS);
                transactions.tick();
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.maxBatch() - 1);
                linger(batch);
                lastBatchSize = batch.size();
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("{} failed a batch unexpectedly", settings.threadName(), e);
                batch.forEach(p -> p.future().completeExceptionally(refused(e)));
            } finally {
                batch.clear();
            }
        }
        failLeftovers();
        transactions.close();
    }

    /**
     * When the last batch was shared by several senders, waits up to the linger for as many to have
     * queued again: closed-loop senders submit their next task a moment after the previous commit,
     * and without this each batch would start with the first one back. A lone sender never waits.
     */
    private void linger(List<Pending<B, ?>> batch) throws InterruptedException {
        int target = Math.min(lastBatchSize, settings.maxBatch());
        long deadline = System.nanoTime() + settings.linger().toNanos();
        while (batch.size() < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Pending<B, ?> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, settings.maxBatch() - batch.size());
        }
    }

    private void process(List<Pending<B, ?>> batch) {
        try {
            List<Object> results = runBatch(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).complete(results.get(i));
            }
        } catch (Exception e) {
            if (batch.size() == 1) {
                batch.get(0).future().completeExceptionally(refused(e));
                if (!(e instanceof TaskFailure)) {
                    LOG.warn("{}: batch not stored: {}", settings.threadName(), e.toString());
                }
                return;
            }
            for (Pending<B, ?> p : batch) {
                process(List.of(p));
            }
        }
    }

    private List<Object> runBatch(List<Pending<B, ?>> batch) throws Exception {
        List<Object> results = new ArrayList<>(batch.size());
        B b = transactions.begin();
        try {
            for (Pending<B, ?> p : batch) {
                try {
                    results.add(p.task().write(b));
                } catch (Exception e) {
                    throw new TaskFailure(e);
                }
            }
            transactions.commit(b);
        } catch (Exception | Error e) {
            transactions.rollback(b);
            throw e;
        }
        // Committed: from here nothing may fail the batch, or its tasks would be re-run (a resend).
        commits.incrementAndGet();
        tasks.addAndGet(batch.size());
        transactions.committed(b);
        return results;
    }

    /** Only if the thread was interrupted: what is still queued is refused, never left pending. */
    private void failLeftovers() {
        List<Pending<B, ?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.future().completeExceptionally(new IntakeRefusedException(Reason.SHUTTING_DOWN,
                "the " + settings.threadName() + " stopped before writing this; nothing was stored")));
    }

    private static Throwable refused(Throwable e) {
        Throwable cause = e instanceof TaskFailure ? e.getCause() : e;
        if (cause instanceof HoldfastException) {
            return cause;
        }
        Reason reason = cause instanceof UncheckedIOException || cause instanceof IOException ? Reason.PAYLOAD_NOT_DURABLE
                : Reason.STORE_UNAVAILABLE;
        return new IntakeRefusedException(reason, "nothing was stored: " + cause, cause);
    }

    /** Stops accepting tasks, writes what is queued (waiting up to 30 s), and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** A task's own failure (as opposed to the batch's commit). */
    private static final class TaskFailure extends Exception {
        private static final long serialVersionUID = 1L;

        TaskFailure(Exception cause) {
            super(cause);
        }
    }
}
