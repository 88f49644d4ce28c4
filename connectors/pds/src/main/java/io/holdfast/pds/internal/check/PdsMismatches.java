package io.holdfast.pds.internal.check;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The PDS check findings awaiting review, read from the journal (so they survive a restart and need no store of their
 * own): the ACKED stages of {@value PdsCheckTransport#TRANSPORT} targets whose detail starts with
 * {@value PdsCheckTransport#MISMATCH}, newest first.
 */
public final class PdsMismatches {
    private final Inventory inventory;
    private final Journal journal;

    public PdsMismatches(Inventory inventory, Journal journal) {
        this.inventory = inventory;
        this.journal = journal;
    }

    public record Finding(long journalId, String messageId, String sourceSystem, String target, Instant at, String detail) {
    }

    /** At most {@code limit} findings over the newest {@code limit} events of each check target. */
    public List<Finding> recent(int limit) {
        List<Finding> out = new ArrayList<>();
        for (DownstreamSystem s : inventory.all()) {
            if (!PdsCheckTransport.TRANSPORT.equals(s.transport())) {
                continue;
            }
            for (JournalEntry e : journal.bySystem(s.id(), limit)) {
                for (StageEntry st : e.stages()) {
                    if (st.stage() == Stage.ACKED && st.systemId().equals(s.id()) && st.detail().startsWith(PdsCheckTransport.MISMATCH)) {
                        out.add(new Finding(e.id(), e.messageId(), e.sourceSystem(), s.id(), st.at(), st.detail()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Finding::at).reversed().thenComparing(Finding::journalId, Comparator.reverseOrder()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
