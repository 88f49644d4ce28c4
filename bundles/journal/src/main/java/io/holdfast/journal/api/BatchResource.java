package io.holdfast.journal.api;

import java.sql.SQLException;

/**
 * Per-batch state of a participant (prepared statements, pending inserts). Flushed after every
 * task of the batch ran and before commit, in the order resources were first requested, after
 * the journal's own rows.
 */
public interface BatchResource extends AutoCloseable {
    void flush() throws SQLException;

    @Override
    void close() throws SQLException;
}
