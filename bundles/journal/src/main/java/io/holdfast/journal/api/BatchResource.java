package io.holdfast.journal.api;

import java.sql.SQLException;

/**
 * Per-batch state of a participant (prepared statements, pending inserts). Flushed after every
 * task of the batch ran and before commit, in the order resources were first requested, after
 * the journal's own rows. {@link #close()} follows every batch, committed or rolled back.
 */
public interface BatchResource extends AutoCloseable {
    void flush() throws SQLException;

    /**
     * Called on the writer thread after the batch committed (and only then), before
     * {@link #close()}: the moment to hand over what is now durable. Must not block or throw.
     */
    default void committed() {
    }

    @Override
    void close() throws SQLException;
}
