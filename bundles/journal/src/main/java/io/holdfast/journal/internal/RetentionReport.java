package io.holdfast.journal.internal;

import java.util.List;
import java.util.Optional;

/**
 * What a retention run pruned (or, for a dry look, what is due): journal stage rows up to a
 * sequence number, payload files, delivered outbox rows; notes say what was skipped and why.
 */
record RetentionReport(long journalRows, Optional<Long> prunedToSeq, int payloadFiles, long outboxRows, List<String> notes) {

    String describe() {
        return "journal stage rows " + journalRows + prunedToSeq.map(s -> " (up to row " + s + ")").orElse("")
                + ", payload files " + payloadFiles + ", delivered outbox rows " + outboxRows
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    }
}
