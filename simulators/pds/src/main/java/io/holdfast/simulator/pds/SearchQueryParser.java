package io.holdfast.simulator.pds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates search parameters in the order and with the codes of the published API
 * (patient-search.yaml '4XX' table; diagnostics worded as its sandbox words them).
 */
final class SearchQueryParser {
    private static final Set<String> KNOWN = Set.of("_fuzzy-match", "_exact-match", "_history", "_max-results", "family",
            "given", "gender", "birthdate", "death-date", "address-postcode", "address-postalcode", "general-practitioner",
            "email", "phone");
    private static final Set<String> GENDERS = Set.of("male", "female", "other", "unknown");
    private static final Pattern DATE = Pattern.compile("^(eq|ge|le)?([0-9]{4}-[0-9]{2}-[0-9]{2})$");
    static final String MISSING_BIRTH_DATE = "Missing value - 'birth_date/birth_date_range_start/birth_date_range_end'";
    static final String TOO_FEW = "Invalid search data provided - 'No searches were performed as the search criteria did not meet "
            + "the minimum requirements'";

    private SearchQueryParser() {
    }

    static SearchQuery parse(Map<String, List<String>> params, PdsCaller caller) {
        if (params.isEmpty()) {
            throw PdsError.unsupportedService();
        }
        rejectUnknown(params);
        boolean fuzzy = flag(params, "_fuzzy-match");
        boolean exact = flag(params, "_exact-match");
        boolean history = flag(params, "_history");
        int max = maxResults(params, caller);
        Optional<String> gender = first(params, "gender");
        gender.filter(g -> !GENDERS.contains(g)).ifPresent(g -> {
            throw PdsError.invalidValue("Invalid value - '" + g + "' in field 'gender'");
        });
        List<SearchQuery.DateBound> birth = dates(params, "birthdate");
        List<SearchQuery.DateBound> death = dates(params, "death-date");
        Optional<String> postcode = first(params, "address-postalcode").or(() -> first(params, "address-postcode"));
        SearchQuery q = new SearchQuery(fuzzy, exact, history, max, first(params, "family"), params.getOrDefault("given", List.of()),
                gender, birth, death, postcode, first(params, "general-practitioner"), first(params, "email"), first(params, "phone"));
        checkWildcards(q);
        checkMinimum(q);
        return q;
    }

    private static void rejectUnknown(Map<String, List<String>> params) {
        List<String> unknown = params.keySet().stream().filter(k -> !KNOWN.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            String names = unknown.stream().map(u -> "'" + u + "'").collect(Collectors.joining(", "));
            throw PdsError.additionalProperties("Invalid request with error - Additional properties are not allowed (" + names
                    + (unknown.size() == 1 ? " was" : " were") + " unexpected)");
        }
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream().findFirst();
    }

    private static boolean flag(Map<String, List<String>> params, String name) {
        Optional<String> value = first(params, name);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw PdsError.invalidValue("Invalid value - '" + value.get() + "' in field '" + name + "'");
        };
    }

    private static int maxResults(Map<String, List<String>> params, PdsCaller caller) {
        Optional<String> value = first(params, "_max-results");
        if (value.isEmpty()) {
            return caller.userRestricted() ? 50 : 1;
        }
        int max;
        try {
            max = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > 50) {
            throw PdsError.invalidValue("Invalid value - '" + value.get() + "' in field '_max-results'");
        }
        if (max > 1 && !caller.userRestricted()) {
            throw PdsError.multipleResultsForbidden();
        }
        return max;
    }

    private static List<SearchQuery.DateBound> dates(Map<String, List<String>> params, String name) {
        List<SearchQuery.DateBound> bounds = new ArrayList<>();
        for (String value : params.getOrDefault(name, List.of())) {
            Matcher m = DATE.matcher(value);
            try {
                if (!m.matches()) {
                    throw new DateTimeParseException("format", value, 0);
                }
                bounds.add(new SearchQuery.DateBound(m.group(1) == null ? "eq" : m.group(1), LocalDate.parse(m.group(2))));
            } catch (DateTimeParseException e) {
                throw PdsError.invalidValue("Invalid value - '" + value + "' in field '" + name + "'");
            }
        }
        return List.copyOf(bounds);
    }

    /** Wildcards need two leading characters and are not allowed in a fuzzy search (patient-search.yaml, "Names", "Postcode"). */
    private static void checkWildcards(SearchQuery q) {
        List<String> patterns = new ArrayList<>(q.given());
        q.family().ifPresent(patterns::add);
        q.postcode().ifPresent(patterns::add);
        for (String p : patterns) {
            int star = p.indexOf('*');
            if (star >= 0 && (q.fuzzy() || star < 2)) {
                throw PdsError.invalidSearchData("Invalid search data provided - wildcard '" + p + "' "
                        + (q.fuzzy() ? "is not allowed in a fuzzy search" : "must start with at least two characters"));
            }
        }
    }

    /** Non-fuzzy: family and date of birth; fuzzy: one of the three published combinations. */
    private static void checkMinimum(SearchQuery q) {
        if (q.birthdate().isEmpty()) {
            throw PdsError.missingValue(MISSING_BIRTH_DATE);
        }
        boolean family = q.family().isPresent();
        boolean given = !q.given().isEmpty();
        boolean genderAndPostcode = q.gender().isPresent() && q.postcode().isPresent();
        boolean enough = q.fuzzy() ? (given && family) || (family && genderAndPostcode) || (given && genderAndPostcode) : family;
        if (!enough) {
            throw PdsError.invalidSearchData(TOO_FEW);
        }
    }
}
