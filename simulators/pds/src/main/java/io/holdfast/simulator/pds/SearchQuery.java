package io.holdfast.simulator.pds;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A validated {@code GET /Patient} search (patient-search.yaml parameters). */
record SearchQuery(boolean fuzzy, boolean exact, boolean history, int maxResults, Optional<String> family, List<String> given,
                   Optional<String> gender, List<DateBound> birthdate, List<DateBound> deathDate, Optional<String> postcode,
                   Optional<String> generalPractitioner, Optional<String> email, Optional<String> phone) {

    /** One {@code <eq|ge|le>yyyy-mm-dd} date condition; a bare date means {@code eq}. */
    record DateBound(String prefix, LocalDate date) {
        boolean accepts(LocalDate candidate) {
            return switch (prefix) {
                case "ge" -> !candidate.isBefore(date);
                case "le" -> !candidate.isAfter(date);
                default -> candidate.equals(date);
            };
        }
    }

    /** Postcode and GP searches never return restricted patients (patient-search.yaml, "Restricted patients"). */
    boolean excludesRestricted() {
        return postcode.isPresent() || generalPractitioner.isPresent();
    }
}
