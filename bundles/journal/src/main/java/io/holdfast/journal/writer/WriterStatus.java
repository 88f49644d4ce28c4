package io.holdfast.journal.writer;

/**
 * A snapshot of a {@link GroupCommitWriter}, for metrics and status output.
 *
 * @param commits       transactions committed since start
 * @param tasksWritten  tasks whose futures completed normally since start
 * @param queued        tasks waiting for the writer now
 * @param queueCapacity most tasks that may wait before submissions are refused with BACK_PRESSURE
 * @param maxBatch      most tasks committed in one transaction
 * @param running       false once the writer is stopping (submissions are refused with SHUTTING_DOWN)
 */
public record WriterStatus(long commits, long tasksWritten, int queued, int queueCapacity, int maxBatch, boolean running) {

    /** Tasks per commit since start (1.0 at low load; higher under load); 0 before the first commit. */
    public double tasksPerCommit() {
        return commits == 0 ? 0 : (double) tasksWritten / commits;
    }
}
