package io.holdfast.journal.internal.writer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A store for the writer contract test: a batch buffers rows, commit moves them to
 * {@link #committed}. A {@link #gate} holds the first commit so tasks can be made to queue; a
 * commit containing {@link #refuseCommitOf} fails like a database refusing the transaction.
 */
final class InMemoryStore implements BatchTransactions<InMemoryStore.Batch> {
    final List<String> committed = Collections.synchronizedList(new ArrayList<>());
    final List<String> rolledBack = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch gate = new CountDownLatch(0);
    volatile String refuseCommitOf = "";
    volatile boolean closed;
    volatile boolean forceFails;
    private final Semaphore batchesStarted = new Semaphore(0);

    /** What a task writes into. */
    static final class Batch {
        final List<String> rows = new ArrayList<>();

        String append(String row) {
            rows.add(row);
            return row;
        }
    }

    void awaitBatchStarted() throws InterruptedException {
        if (!batchesStarted.tryAcquire(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no batch started within 10 s");
        }
    }

    @Override
    public Batch begin() {
        batchesStarted.release();
        return new Batch();
    }

    @Override
    public void commit(Batch batch) throws SQLException, java.io.IOException {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted");
        }
        if (forceFails) {
            throw new java.io.IOException("fsync failed");
        }
        if (batch.rows.contains(refuseCommitOf)) {
            throw new SQLException("commit refused", "08006");
        }
        batchSizes.add(batch.rows.size());
        committed.addAll(batch.rows);
    }

    @Override
    public void rollback(Batch batch) {
        rolledBack.addAll(batch.rows);
    }

    @Override
    public void committed(Batch batch) {
    }

    @Override
    public void close() {
        closed = true;
    }
}
