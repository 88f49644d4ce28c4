package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code GET /Patient}: a searchset Bundle of the matching active records, best score first, each
 * entry with {@code search.score}; no match is an empty Bundle ({@code total} 0); more matches than
 * {@code _max-results} is HTTP 200 with a TOO_MANY_MATCHES OperationOutcome (patient-search.yaml).
 */
final class PatientSearch {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private final PatientStore store;
    private final Clock clock;

    PatientSearch(PatientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private record Match(ObjectNode record, double score) {
    }

    ObjectNode search(SearchQuery q, String patientBaseUrl) {
        List<Match> matches = new ArrayList<>();
        for (ObjectNode record : store.activeRecords()) {
            if (q.excludesRestricted() && PatientViews.restricted(record)) {
                continue;
            }
            OptionalDouble score = PatientMatcher.score(q, record);
            if (score.isPresent() && (!q.exact() || score.getAsDouble() == 1.0)) {
                matches.add(new Match(record, score.getAsDouble()));
            }
        }
        if (matches.size() > q.maxResults()) {
            return OperationOutcomes.tooManyMatches();
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.record().path("id").asText()));
        return bundle(matches, patientBaseUrl);
    }

    private ObjectNode bundle(List<Match> matches, String patientBaseUrl) {
        ObjectNode bundle = JsonNodeFactory.instance.objectNode().put("resourceType", "Bundle").put("type", "searchset")
                .put("timestamp", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).format(TIMESTAMP))
                .put("total", matches.size());
        if (!matches.isEmpty()) {
            ArrayNode entries = bundle.putArray("entry");
            for (Match m : matches) {
                JsonNode id = m.record().path("id");
                ObjectNode entry = entries.addObject().put("fullUrl", patientBaseUrl + "/" + id.asText());
                entry.putObject("search").put("score", m.score());
                entry.set("resource", PatientViews.search(m.record()));
            }
        }
        return bundle;
    }
}
