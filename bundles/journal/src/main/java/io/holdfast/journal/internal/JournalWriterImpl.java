package io.holdfast.journal.internal;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.error.IntakeRefusedException.Reason;
import io.holdfast.journal.api.WriteTask;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
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
    private final PayloadStore payloads;
    private final FieldPolicy policy;
    private final UnaryOperator<String> digest;
    private final JournalHead head;
    private final Clock clock;
    private final int maxBatch;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();
    private static final long LINGER_NANOS = TimeUnit.MICROSECONDS.toNanos(1000);

    private volatile boolean running = true;
    private int lastBatchSize = 1;
    private volatile ChainState state;
    private Connection connection;

    JournalWriterImpl(DataSource dataSource, ChainState start, PayloadStore payloads, FieldPolicy policy,
                      UnaryOperator<String> digest, JournalHead head, int maxBatch, int queueCapacity, Clock clock) {
        this.dataSource = dataSource;
        this.state = start;
        this.payloads = payloads;
        this.policy = policy;
        this.digest = digest;
        this.head = head;
        this.maxBatch = maxBatch;
        this.clock = clock;
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

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
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
        Connection c = connection();
        JournalBatch jb = new JournalBatch(c, state, payloads, policy, digest, clock);
        try {
            List<Object> results = new ArrayList<>(batch.size());
            for (Pending<?> p : batch) {
                try {
                    results.add(p.task().write(jb));
                } catch (Exception e) {
                    throw new TaskFailure(e);
                }
            }
            jb.flush();
            payloads.force();
            c.commit();
            state = jb.endState();
            commits.incrementAndGet();
            tasks.addAndGet(batch.size());
            head.record(state);
            jb.committed();
            return results;
        } catch (Exception e) {
            rollback(c);
            throw e;
        } finally {
            jb.closeResources();
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
