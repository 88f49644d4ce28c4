package io.holdfast.journal.api;

import java.sql.SQLException;

/**
 * Work done inside a journal batch transaction. Tasks may read through the batch's connection
 * but write only through the batch (its row buffers and {@link BatchResource}s), and must be
 * re-runnable: if any task of a batch fails, the batch is rolled back and every task is run
 * again alone, so one bad message never fails its neighbours.
 */
@FunctionalInterface
public interface WriteTask<T> {
    T write(WriteBatch batch) throws SQLException;
}
