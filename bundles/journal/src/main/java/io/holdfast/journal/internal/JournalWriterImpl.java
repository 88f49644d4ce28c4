package io.holdfast.journal.internal;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.error.IntakeRefusedException.Reason;
import io.holdfast.journal.api.WriteTask;
import java.sql.Connection;
import java.sql.SQLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: takes whatever tasks have queued (from every connection and connector), runs
 * them in one transaction, forces payload segments, commits, then completes their futures. Under
 * load this is group commit; at low load a batch is one task. If a batch fails, each of its tasks
 * is retried alone so one bad message cannot fail the others.
 */
final class JournalWriterImpl implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriterImpl.class);

    private record Pending<T>(WriteTask<T> task, CompletableFuture<T> future) {
    }

    private final DataSource dataSource;
    private final BatchContext context;
    private final Watermark head;
    private final JournalConditions conditions;
    private final int maxBatch;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();
    private static final long LINGER_NANOS = TimeUnit.MICROSECONDS.toNanos(1000);

    private volatile boolean running = true;
    private volatile boolean watermarkBehind;
    private int lastBatchSize = 1;
    private volatile ChainState state;
    private Connection connection;

    JournalWriterImpl(DataSource dataSource, ChainState start, BatchContext context, Watermark head, JournalConditions conditions,
                      int maxBatch, int queueCapacity) {
        this.dataSource = dataSource;
        this.state = start;
        this.context = context;
        this.head = head;
        this.conditions = conditions;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::loop, "holdfast-journal-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    <T> CompletableFuture<T> submit(WriteTask<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new IntakeRefusedException(Reason.SHUTTING_DOWN, "the journal writer is stopping"));
        } else if (!queue.offer(new Pending<>(task, f))) {
            f.completeExceptionally(new IntakeRefusedException(Reason.BACK_PRESSURE,
                    "the journal writer queue is full (" + queue.size() + " waiting); retry shortly"));
        }
        return f;
    }

    long commits() {
        return commits.get();
    }

    long tasksWritten() {
        return tasks.get();
    }

    int queued() {
        return queue.size();
    }

    ChainState state() {
        return state;
    }

    /** True while the last watermark write failed (the database is ahead of it; a start would still be safe). */
    boolean watermarkBehind() {
        return watermarkBehind;
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                context.guard().refreshIfDue();
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                linger(batch);
                lastBatchSize = batch.size();
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("Journal writer failed a batch unexpectedly", e);
                batch.forEach(p -> p.future().completeExceptionally(refused(e)));
            } finally {
                batch.clear();
            }
        }
        closeConnection();
    }

    /**
     * When the last batch was shared by several senders, waits up to {@link #LINGER_NANOS} for as
     * many to have queued again: closed-loop senders submit their next message a moment after the
     * previous commit, and without this each batch would start with the first one back. A lone
     * sender (last batch of one) never waits.
     */
    private void linger(List<Pending<?>> batch) throws InterruptedException {
        int target = Math.min(lastBatchSize, maxBatch);
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Pending<?> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void process(List<Pending<?>> batch) {
        try {
            List<Object> results = runBatch(batch);
            for (int i = 0; i < batch.size(); i++) {
                complete(batch.get(i), results.get(i));
            }
        } catch (Exception e) {
            if (batch.size() == 1) {
                batch.get(0).future().completeExceptionally(refused(e));
                if (!(e instanceof TaskFailure)) {
                    LOG.warn("Journal batch not stored: {}", e.toString());
                }
                return;
            }
            for (Pending<?> p : batch) {
                process(List.of(p));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> p, Object result) {
        p.future().complete((T) result);
    }

    private List<Object> runBatch(List<Pending<?>> batch) throws Exception {
        List<Object> results = new ArrayList<>(batch.size());
        Connection c = connection();
        JournalBatch jb = new JournalBatch(c, state, context);
        try {
            for (Pending<?> p : batch) {
                try {
                    results.add(p.task().write(jb));
                } catch (Exception e) {
                    throw new TaskFailure(e);
                }
            }
            jb.flush();
            context.payloads().force();
            c.commit();
        } catch (Exception e) {
            rollback(c);
            jb.closeResources();
            throw e;
        }
        // Committed: from here nothing may fail the batch, or its tasks would be re-run (a resend).
        state = jb.endState();
        commits.incrementAndGet();
        tasks.addAndGet(batch.size());
        recordWatermark(state);
        jb.committed();
        jb.closeResources();
        return results;
    }

    /**
     * Records the chain head after a commit. A failure does not fail the committed batch: the
     * watermark only guards against a database that later loses commits, and a watermark that lags
     * is merely a weaker guard. It is retried after every following commit; meanwhile the journal
     * reports DEGRADED and raises an alert.
     */
    private void recordWatermark(ChainState committed) {
        try {
            head.record(committed);
            if (watermarkBehind) {
                watermarkBehind = false;
                LOG.info("Journal watermark written again (row {})", committed.lastSeq());
                conditions.cleared(JournalConditions.Condition.WATERMARK, "watermark current at row " + committed.lastSeq());
            }
        } catch (IOException | RuntimeException e) {
            if (!watermarkBehind) {
                watermarkBehind = true;
                LOG.error("Journal watermark could not be written after commit of row {} (the batch is committed): {}",
                        committed.lastSeq(), e.toString());
                conditions.degraded(JournalConditions.Condition.WATERMARK, "watermark write failed after row "
                        + committed.lastSeq() + " (" + e.getClass().getSimpleName() + "); committed batches are kept, "
                        + "retried after each commit; check the data folder");
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed, reconnecting: {}", e.toString());
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing writer connection", e);
            }
            connection = null;
        }
    }

    private static Throwable refused(Throwable e) {
        Throwable cause = e instanceof TaskFailure ? e.getCause() : e;
        if (cause instanceof IntakeRefusedException || cause instanceof io.holdfast.api.error.HoldfastException) {
            return cause;
        }
        Reason reason = cause instanceof java.io.UncheckedIOException ? Reason.PAYLOAD_NOT_DURABLE : Reason.STORE_UNAVAILABLE;
        return new IntakeRefusedException(reason, "nothing was stored: " + cause, cause);
    }

    /** Stops accepting work, writes what is queued, and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** A task's own failure (as opposed to the batch's commit). */
    static final class TaskFailure extends Exception {
        private static final long serialVersionUID = 1L;

        TaskFailure(Exception cause) {
            super(cause);
        }
    }
}
