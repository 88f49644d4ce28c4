package io.holdfast.eps.internal.command;

import io.holdfast.api.event.EventKey;
import io.holdfast.api.event.KeySystems;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.event.PrescriptionId;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.StageEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What Holdfast knows about one prescription, from its own journal: the EPS FHIR API has no status or tracker read
 * (its overview: "You cannot currently use this API to track prescriptions or check a prescription's status"; the
 * separate Prescription Tracker API is not this connector's). So the lineage is the journal entries of the canonical
 * Prescription keyed by this id (received, routed, sent, EPS's answer, acknowledged or dead-lettered) and the direct
 * calls this connector made about it ({@code eps:<operation>:<id>:<request>}), and routed events (e.g. a pharmacy Order from
 * an HL7 RDE^O11, keyed by its placer number) whose deliveries to the EPS system name the id, every stage in time order.
 */
public final class EpsLineage {
    private final Journal journal;

    public EpsLineage(Journal journal) {
        this.journal = journal;
    }

    public record Step(Instant at, long journalId, String messageId, String stage, String system, String detail) {
    }

    public List<Step> of(PrescriptionId id, String epsSystemId) {
        List<JournalEntry> entries = new ArrayList<>(journal.byNaturalKey(new EventKey(Prescription.TYPE, KeySystems.PRESCRIPTION_ID, id.value())));
        String marker = ":" + id.value() + ":";
        java.util.Set<Long> seen = new java.util.HashSet<>();
        entries.forEach(e -> seen.add(e.id()));
        // direct calls, and routed events whose prescription id the EPS codec made (a pharmacy Order is keyed by its
        // placer number, not by the derived id): their delivery stages to the EPS system name the id
        journal.bySystem(epsSystemId, 10_000).stream()
                .filter(e -> e.messageId().startsWith("eps:") ? e.messageId().contains(marker) : namesInADelivery(e, id))
                .filter(e -> seen.add(e.id())).forEach(entries::add);
        List<Step> steps = new ArrayList<>();
        for (JournalEntry e : entries) {
            for (StageEntry s : e.stages()) {
                steps.add(new Step(s.at(), e.id(), e.messageId(), s.stage().name(), s.systemId(), s.detail()));
            }
        }
        steps.sort(Comparator.comparing(Step::at).thenComparing(Step::journalId));
        return steps;
    }

    private static boolean namesInADelivery(JournalEntry e, PrescriptionId id) {
        return e.stages().stream().anyMatch(s -> s.detail() != null && s.detail().contains(id.value()));
    }
}
