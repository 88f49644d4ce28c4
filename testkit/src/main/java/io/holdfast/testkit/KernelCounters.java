package io.holdfast.testkit;

import java.util.Map;

/**
 * Counters of the kernel's single writer and dispatcher, for tests and benchmarks that check batching
 * (e.g. commits per message under load) or drain progress.
 *
 * @param commits            transactions the journal's group-commit writer has committed
 * @param tasksWritten       write tasks (e.g. Intake messages, outbound stages) those transactions carried
 * @param openOutboxDepths   rows not yet delivered or dead-lettered, per target
 * @param dispatcherClaimed  rows the dispatcher claimed from the store (0 without a dispatcher)
 * @param dispatcherHandedOver rows handed straight from Intake's commit to the dispatcher, without a claim query
 */
public record KernelCounters(long commits, long tasksWritten, Map<String, Long> openOutboxDepths, long dispatcherClaimed,
                             long dispatcherHandedOver) {
    public KernelCounters {
        openOutboxDepths = Map.copyOf(openOutboxDepths);
    }
}
