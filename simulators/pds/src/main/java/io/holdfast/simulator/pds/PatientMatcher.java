package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a record matches a search and how well. Every supplied criterion gets a quality
 * from 0 to 1 (1 exact; less for a wildcard, a date range, a historic name or address, a homophone,
 * a transposed name); a record matches when every selecting criterion is above 0, and its score is
 * the weighted mean of the qualities, so 1.0 means an exact match (patient-search.yaml, "Scoring").
 * In a fuzzy search the GP and date of death do not select, they only lower the score.
 */
final class PatientMatcher {
    static final double WILDCARD = 0.9;
    static final double RANGE = 0.9;
    static final double HISTORIC = 0.8;
    static final double HOMOPHONE = 0.75;
    static final double TRANSPOSED = 0.7;
    private static final Set<String> CURRENT_NAME_USES = Set.of("usual", "nickname", "temp");

    private PatientMatcher() {
    }

    /** The score (0–1, four decimals) when {@code record} matches {@code q}. */
    static OptionalDouble score(SearchQuery q, JsonNode record) {
        List<Criterion> criteria = new ArrayList<>();
        q.family().ifPresent(f -> criteria.add(new Criterion(3, true, nameQuality(q, record, f, true))));
        q.given().forEach(g -> criteria.add(new Criterion(2, true, nameQuality(q, record, g, false))));
        q.gender().ifPresent(g -> criteria.add(new Criterion(1, true, g.equals(record.path("gender").asText()) ? 1 : 0)));
        criteria.add(new Criterion(3, true, dateQuality(q.birthdate(), record.path("birthDate").asText(""))));
        if (!q.deathDate().isEmpty()) {
            criteria.add(new Criterion(1, !q.fuzzy(), dateQuality(q.deathDate(), record.path("deceasedDateTime").asText(""))));
        }
        q.postcode().ifPresent(p -> criteria.add(new Criterion(2, true, postcodeQuality(q, record, p))));
        q.generalPractitioner().ifPresent(gp -> criteria.add(new Criterion(1, !q.fuzzy(), gpQuality(record, gp))));
        q.email().ifPresent(e -> criteria.add(new Criterion(1, true, telecomQuality(record, "email", e))));
        q.phone().ifPresent(p -> criteria.add(new Criterion(1, true, telecomQuality(record, "phone", p))));
        if (criteria.stream().anyMatch(c -> c.selecting() && c.quality() <= 0)) {
            return OptionalDouble.empty();
        }
        double weights = criteria.stream().mapToDouble(Criterion::weight).sum();
        double score = criteria.stream().mapToDouble(c -> c.weight() * c.quality()).sum() / weights;
        return OptionalDouble.of(Math.round(score * 10_000) / 10_000.0);
    }

    private record Criterion(double weight, boolean selecting, double quality) {
    }

    private static double nameQuality(SearchQuery q, JsonNode record, String wanted, boolean family) {
        double best = 0;
        for (JsonNode name : record.path("name")) {
            boolean current = CURRENT_NAME_USES.contains(name.path("use").asText("usual"));
            if (!current && !q.history() && !q.fuzzy()) {
                continue;
            }
            List<String> same = family ? List.of(name.path("family").asText("")) : texts(name.path("given"));
            List<String> other = family ? texts(name.path("given")) : List.of(name.path("family").asText(""));
            double quality = Math.max(textQuality(q.fuzzy(), wanted, same), q.fuzzy() ? transposed(wanted, other) : 0);
            best = Math.max(best, current ? quality : quality * HISTORIC);
        }
        return best;
    }

    private static double textQuality(boolean fuzzy, String wanted, List<String> candidates) {
        double best = 0;
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(wanted)) {
                return 1;
            }
            if (wanted.contains("*") && wildcard(wanted).matcher(candidate).matches()) {
                best = Math.max(best, WILDCARD);
            } else if (fuzzy && !candidate.isEmpty() && Soundex.of(candidate).equals(Soundex.of(wanted))) {
                best = Math.max(best, HOMOPHONE);
            }
        }
        return best;
    }

    private static double transposed(String wanted, List<String> otherPart) {
        return otherPart.stream().anyMatch(wanted::equalsIgnoreCase) ? TRANSPOSED : 0;
    }

    static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty() || pattern.startsWith("*")) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static double dateQuality(List<SearchQuery.DateBound> bounds, String value) {
        if (value.length() < 10) {
            return 0;
        }
        LocalDate date = LocalDate.parse(value.substring(0, 10));
        if (!bounds.stream().allMatch(b -> b.accepts(date))) {
            return 0;
        }
        return bounds.size() == 1 && bounds.get(0).prefix().equals("eq") ? 1 : RANGE;
    }

    private static double postcodeQuality(SearchQuery q, JsonNode record, String wanted) {
        String normalised = normalisePostcode(wanted);
        double best = 0;
        for (JsonNode address : record.path("address")) {
            boolean home = address.path("use").asText("home").equals("home");
            if (!home && !q.history() && !q.fuzzy()) {
                continue;
            }
            String postcode = normalisePostcode(address.path("postalCode").asText(""));
            double quality = postcode.equals(normalised) ? 1
                    : normalised.contains("*") && wildcard(normalised).matcher(postcode).matches() ? WILDCARD : 0;
            best = Math.max(best, home ? quality : quality * HISTORIC);
        }
        return best;
    }

    private static String normalisePostcode(String postcode) {
        return postcode.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static double gpQuality(JsonNode record, String odsCode) {
        for (JsonNode gp : record.path("generalPractitioner")) {
            if (gp.path("identifier").path("value").asText("").equalsIgnoreCase(odsCode)) {
                return 1;
            }
        }
        return 0;
    }

    private static double telecomQuality(JsonNode record, String system, String wanted) {
        for (JsonNode telecom : record.path("telecom")) {
            String value = telecom.path("value").asText("");
            boolean same = system.equals("email") ? value.equalsIgnoreCase(wanted) : value.equals(wanted);
            if (telecom.path("system").asText().equals(system) && same) {
                return 1;
            }
        }
        return 0;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
