package io.holdfast.journal.internal.writer;

/**
 * What a {@link GroupCommitEngine} needs from the store it writes to: open a batch, make it durable,
 * undo it. The engine owns queueing, batching, ordering and failure isolation; an implementation
 * owns connections, row buffers and fsyncs. All methods run on the writer thread.
 *
 * @param <B> the batch tasks write into
 */
public interface BatchTransactions<B> {

    /** Opens the batch the next tasks write into. Throwing fails the tasks of that batch (nothing stored). */
    B begin() throws Exception;

    /** Writes what the tasks buffered, forces payloads and commits. Throwing means nothing was stored. */
    void commit(B batch) throws Exception;

    /** Undoes a batch that was not committed and releases its resources; must not throw. */
    void rollback(B batch);

    /** After a commit (and only then): hand over what is now durable, release resources; must not throw. */
    void committed(B batch);

    /** Called on the writer thread at least every idle interval, whether tasks are waiting or not. */
    default void tick() {
    }

    /** The writer stopped: release connections. */
    void close();
}
