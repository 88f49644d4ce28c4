package io.holdfast.journal.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Retention of the journal's data: payload files, delivered outbox rows and journal rows, each
 * after its own period (see {@link RetentionPolicy}). {@link #due} only counts; {@link #run}
 * prunes, checking {@code stillHolding} (the retention lease) before every chunk so a run whose
 * lease was taken over stops before its next write.
 */
final class JournalRetention {
    private final JournalPruner journal;
    private final PayloadPruner payloads;
    private final OutboxPruner outbox;
    private final Clock clock;

    JournalRetention(DataSource dataSource, PayloadStore store, Checkpoints checkpoints, Clock clock) {
        this.journal = new JournalPruner(dataSource, checkpoints, clock);
        this.payloads = new PayloadPruner(dataSource, store, clock);
        this.outbox = new OutboxPruner(dataSource);
        this.clock = clock;
    }

    RetentionReport due(RetentionPolicy policy) {
        Instant now = clock.instant();
        List<String> notes = new ArrayList<>();
        try {
            Optional<long[]> rows = policy.journalCutoff(now).isEmpty() ? Optional.empty() : journal.due(policy.journalCutoff(now).get());
            int files = policy.payloadCutoff(now).isEmpty() ? 0 : payloads.due(policy.payloadCutoff(now).get()).size();
            long outboxRows = 0;
            if (policy.outboxCutoff(now).isPresent()) {
                Optional<Long> due = outbox.due(policy.outboxCutoff(now).get());
                outboxRows = due.orElse(0L);
                if (due.isEmpty()) {
                    notes.add("no routing outbox (routing not installed)");
                }
            }
            return new RetentionReport(rows.map(r -> r[1] - r[0] + 1).orElse(0L), rows.map(r -> r[1]), files, outboxRows, notes);
        } catch (SQLException | IOException e) {
            throw failed(e);
        }
    }

    RetentionReport run(RetentionPolicy policy, BooleanSupplier stillHolding) {
        Instant now = clock.instant();
        List<String> notes = new ArrayList<>();
        try {
            int files = 0;
            if (policy.payloadCutoff(now).isPresent()) {
                files = payloads.prune(policy.payloadCutoff(now).get(), stillHolding);
            }
            long outboxRows = 0;
            if (policy.outboxCutoff(now).isPresent()) {
                outboxRows = outbox.prune(policy.outboxCutoff(now).get(), stillHolding);
            }
            long[] pruned = {0, 0};
            if (policy.journalCutoff(now).isPresent()) {
                pruned = journal.prune(policy.journalCutoff(now).get(), stillHolding);
            }
            if (!stillHolding.getAsBoolean()) {
                notes.add("stopped early: the retention lease was lost (another node or run took over)");
            }
            return new RetentionReport(pruned[0], pruned[1] == 0 ? Optional.empty() : Optional.of(pruned[1]), files, outboxRows, notes);
        } catch (SQLException | IOException e) {
            throw failed(e);
        }
    }

    /** When the file of a payload reference was pruned by retention, if it was. */
    Optional<Instant> prunedAt(String payloadRef) {
        return payloads.prunedAt(payloadRef);
    }

    private static HoldfastException failed(Exception e) {
        return new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "retention stopped: " + e.getMessage()
                + "; whatever was pruned before is consistent (each step is its own transaction), run again once fixed", e);
    }
}
