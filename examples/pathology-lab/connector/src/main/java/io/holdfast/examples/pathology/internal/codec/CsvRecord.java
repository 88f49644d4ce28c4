package io.holdfast.examples.pathology.internal.codec;

import java.util.List;
import java.util.Optional;

/**
 * One record of a CSV text as read: its number (the header is record 0, data rows count from 1), its
 * raw text (kept as the journal payload, so a rejected row is kept exactly as the lab sent it), its
 * fields, and the problem that stopped it from being read, if any.
 */
public record CsvRecord(int number, String raw, List<String> fields, Optional<String> problem) {
    public CsvRecord {
        fields = List.copyOf(fields);
        problem = problem == null ? Optional.empty() : problem;
    }

    public boolean malformed() {
        return problem.isPresent();
    }

    @Override
    public String toString() {
        // fields hold patient data
        return "CsvRecord[" + number + ", " + fields.size() + " fields" + problem.map(p -> ", " + p).orElse("") + "]";
    }
}
