package io.holdfast.journal.internal;

import io.holdfast.journal.internal.writer.BatchTransactions;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's side of the group-commit writer: a batch is a {@link JournalBatch} on the writer's
 * own connection; commit writes the buffered rows, forces the payload segment and commits; after a
 * commit the chain head moves on and the watermark is recorded.
 */
final class JournalTransactions implements BatchTransactions<JournalBatch> {
    private static final Logger LOG = LoggerFactory.getLogger(JournalTransactions.class);

    private final DataSource dataSource;
    private final BatchContext context;
    private final Watermark head;
    private final JournalConditions conditions;
    private ChainState state;
    private boolean watermarkBehind;
    private Connection connection;

    JournalTransactions(DataSource dataSource, ChainState start, BatchContext context, Watermark head, JournalConditions conditions) {
        this.dataSource = dataSource;
        this.state = start;
        this.context = context;
        this.head = head;
        this.conditions = conditions;
    }

    @Override
    public JournalBatch begin() throws SQLException {
        return new JournalBatch(connection(), state, context);
    }

    @Override
    public void commit(JournalBatch batch) throws SQLException, IOException {
        batch.flush();
        context.payloads().force();
        batch.connection().commit();
    }

    @Override
    public void rollback(JournalBatch batch) {
        try {
            batch.connection().rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed, reconnecting: {}", e.toString());
            closeConnection();
        }
        batch.closeResources();
    }

    @Override
    public void committed(JournalBatch batch) {
        state = batch.endState();
        recordWatermark(state);
        batch.committed();
        batch.closeResources();
    }

    @Override
    public void tick() {
        context.guard().refreshIfDue();
    }

    @Override
    public void close() {
        closeConnection();
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
}
