package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The simulator's patient records by NHS number, with PDS's record states: active, superseded by
 * another number (merged), or invalidated. Stored records are never mutated in place (an update
 * swaps in a new node), so a reader always sees one whole version.
 */
public final class PatientStore {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** A stored number's state. */
    sealed interface Entry permits Active, Superseded, Invalidated {
    }

    record Active(ObjectNode record) implements Entry {
    }

    record Superseded(String replacement) implements Entry {
    }

    record Invalidated() implements Entry {
    }

    /** Adds or replaces an active record; its {@code id} is the NHS number and {@code meta.versionId} its version. */
    public PatientStore put(ObjectNode patient) {
        String id = patient.path("id").asText("");
        if (!NhsNumbers.isValid(id)) {
            throw new IllegalArgumentException("Patient id must be a valid NHS number: " + id);
        }
        ObjectNode copy = patient.deepCopy();
        if (!copy.path("meta").hasNonNull("versionId")) {
            copy.withObject("/meta").put("versionId", "1");
        }
        entries.put(id, new Active(copy));
        return this;
    }

    /** Marks {@code nhsNumber} as merged into {@code replacement}: retrieval returns the replacement's record. */
    public PatientStore supersede(String nhsNumber, String replacement) {
        if (!(entries.get(replacement) instanceof Active)) {
            throw new IllegalArgumentException("Replacement " + replacement + " is not an active record");
        }
        entries.put(nhsNumber, new Superseded(replacement));
        return this;
    }

    /** Marks {@code nhsNumber} invalidated (redacted): retrieval answers 404 INVALIDATED_RESOURCE, search never finds it. */
    public PatientStore invalidate(String nhsNumber) {
        entries.put(nhsNumber, new Invalidated());
        return this;
    }

    /** A copy of the stored record (restricted fields included), or empty when not an active record. */
    public Optional<ObjectNode> record(String nhsNumber) {
        return entries.get(nhsNumber) instanceof Active a ? Optional.of(a.record().deepCopy()) : Optional.empty();
    }

    public int size() {
        return entries.size();
    }

    /** Follows supersession to the active record, or fails as retrieval does. */
    Active resolve(String nhsNumber) {
        Entry entry = entries.get(nhsNumber);
        for (int hops = 0; entry instanceof Superseded s && hops < 10; hops++) {
            entry = entries.get(s.replacement());
        }
        if (entry instanceof Active a) {
            return a;
        }
        throw entry instanceof Invalidated ? PdsError.invalidated() : PdsError.resourceNotFound();
    }

    /** The active records (never superseded or invalidated numbers), for search. */
    List<ObjectNode> activeRecords() {
        return entries.values().stream().filter(Active.class::isInstance).map(e -> ((Active) e).record()).toList();
    }

    /**
     * Replaces the active record behind {@code nhsNumber} with {@code change(record)} if its version is
     * {@code expectedVersion}; the new record gets the next version.
     */
    synchronized ObjectNode update(String nhsNumber, String expectedVersion, UnaryOperator<ObjectNode> change) {
        Active current = resolve(nhsNumber);
        String version = current.record().path("meta").path("versionId").asText();
        if (!Objects.equals(version, expectedVersion)) {
            throw PdsError.versionMismatch();
        }
        ObjectNode updated = change.apply(current.record().deepCopy());
        updated.withObject("/meta").put("versionId", String.valueOf(Long.parseLong(version) + 1));
        String id = current.record().path("id").asText();
        entries.put(id, new Active(updated));
        return updated;
    }

    static String version(JsonNode record) {
        return record.path("meta").path("versionId").asText("1");
    }
}
