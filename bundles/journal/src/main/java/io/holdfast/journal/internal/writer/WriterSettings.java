package io.holdfast.journal.internal.writer;

import java.time.Duration;

/**
 * Limits of a {@link GroupCommitEngine}.
 *
 * @param threadName    name of the writer thread (seen in thread dumps)
 * @param maxBatch      most tasks in one transaction (at least 1)
 * @param queueCapacity most tasks waiting before submissions are refused (at least 1)
 * @param linger        longest wait for more tasks after a batch of several (zero: never wait)
 * @param idleTick      how often {@link BatchTransactions#tick()} runs while nothing is queued
 */
public record WriterSettings(String threadName, int maxBatch, int queueCapacity, Duration linger, Duration idleTick) {

    public WriterSettings {
        if (maxBatch < 1 || queueCapacity < 1 || linger.isNegative() || idleTick.isNegative() || idleTick.isZero()) {
            throw new IllegalArgumentException("writer settings out of range: " + maxBatch + "/" + queueCapacity + "/" + linger
                    + "/" + idleTick);
        }
    }
}
