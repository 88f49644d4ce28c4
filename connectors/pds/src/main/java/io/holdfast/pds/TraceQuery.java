package io.holdfast.pds;

import io.holdfast.api.model.Gender;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PDS search ({@code GET /Patient?...}). PDS needs a birth date; a non-fuzzy search needs a family name, a fuzzy one
 * given + family (or gender + postcode with one of them). Values are checked here only for shape; PDS applies its own
 * rules and a refusal comes back as {@link TraceResult.Refused}.
 *
 * @param birthDates one date ({@code eq}) or a range ({@code ge} and {@code le}): at most two
 * @param maxResults {@code _max-results}, 1-50; application-restricted access gets at most 1 match
 */
@org.osgi.annotation.versioning.ProviderType
public record TraceQuery(Optional<String> family, List<String> given, Optional<Gender> gender, List<DateCriterion> birthDates,
                         Optional<String> postcode, Optional<String> generalPractitioner, boolean fuzzy, boolean exact,
                         boolean history, int maxResults) {
    public static final int MAX_RESULTS_LIMIT = 50;

    public TraceQuery {
        family = family == null ? Optional.empty() : family.filter(s -> !s.isBlank());
        given = given == null ? List.of() : List.copyOf(given);
        gender = gender == null ? Optional.empty() : gender;
        birthDates = birthDates == null ? List.of() : List.copyOf(birthDates);
        postcode = postcode == null ? Optional.empty() : postcode.filter(s -> !s.isBlank());
        generalPractitioner = generalPractitioner == null ? Optional.empty() : generalPractitioner.filter(s -> !s.isBlank());
        if (maxResults < 1 || maxResults > MAX_RESULTS_LIMIT) {
            throw new IllegalArgumentException("maxResults must be 1-" + MAX_RESULTS_LIMIT + ", was " + maxResults);
        }
        if (birthDates.size() > 2) {
            throw new IllegalArgumentException("at most two birth date criteria (a ge/le range)");
        }
        if (fuzzy && exact) {
            throw new IllegalArgumentException("a search is fuzzy or exact, not both");
        }
    }

    /** {@code eq}, {@code ge} or {@code le} and a date, as PDS's {@code birthdate} parameter takes it. */
    public record DateCriterion(Comparator comparator, LocalDate date) {
        public DateCriterion {
            Objects.requireNonNull(comparator, "comparator");
            Objects.requireNonNull(date, "date");
        }

        public String parameter() {
            return comparator.name().toLowerCase(java.util.Locale.ROOT) + date;
        }
    }

    public enum Comparator { EQ, GE, LE }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "TraceQuery[criteria=" + criteria() + ", fuzzy=" + fuzzy + ", exact=" + exact + ", max=" + maxResults + "]";
    }

    /** The criteria's names only (never values): what a log line or a journal detail may show. */
    public List<String> criteria() {
        List<String> names = new ArrayList<>();
        family.ifPresent(f -> names.add("family"));
        if (!given.isEmpty()) {
            names.add("given");
        }
        gender.ifPresent(g -> names.add("gender"));
        if (!birthDates.isEmpty()) {
            names.add("birthdate");
        }
        postcode.ifPresent(p -> names.add("postcode"));
        generalPractitioner.ifPresent(p -> names.add("gp"));
        return names;
    }

    public static final class Builder {
        private String family;
        private final List<String> given = new ArrayList<>();
        private Gender gender;
        private final List<DateCriterion> birthDates = new ArrayList<>();
        private String postcode;
        private String gp;
        private boolean fuzzy;
        private boolean exact;
        private boolean history;
        private int maxResults = 1;

        public Builder family(String v) { family = v; return this; }
        public Builder given(String v) { given.add(v); return this; }
        public Builder gender(Gender v) { gender = v; return this; }
        public Builder birthDate(LocalDate v) { return birthDate(Comparator.EQ, v); }
        public Builder birthDate(Comparator c, LocalDate v) { birthDates.add(new DateCriterion(c, v)); return this; }
        public Builder postcode(String v) { postcode = v; return this; }
        public Builder generalPractitioner(String v) { gp = v; return this; }
        public Builder fuzzy(boolean v) { fuzzy = v; return this; }
        public Builder exact(boolean v) { exact = v; return this; }
        public Builder history(boolean v) { history = v; return this; }
        public Builder maxResults(int v) { maxResults = v; return this; }

        public TraceQuery build() {
            return new TraceQuery(Optional.ofNullable(family), given, Optional.ofNullable(gender), birthDates,
                    Optional.ofNullable(postcode), Optional.ofNullable(gp), fuzzy, exact, history, maxResults);
        }
    }
}
