package io.holdfast.journal.writer;

import java.sql.SQLException;

/**
 * Work done inside one batch transaction of a {@link GroupCommitWriter}.
 *
 * <p>A task may read through the batch but writes only through it (its row buffers and per-batch
 * resources), so nothing it does is visible before the commit. It must be <b>re-runnable</b>: if any
 * task of a batch throws, or the commit fails, the batch is rolled back and every task is run again
 * in a batch of its own. A task must not block on another task's future (it would wait for the
 * writer thread it is running on).
 *
 * @param <B> the batch type the writer offers
 * @param <T> the task's result, given to its future after commit
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface BatchTask<B, T> {
    T write(B batch) throws SQLException;
}
