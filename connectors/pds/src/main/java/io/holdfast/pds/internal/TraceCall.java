package io.holdfast.pds.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.TraceQuery;
import io.holdfast.pds.TraceResult;
import io.holdfast.pds.internal.PdsCalls.Reading;
import io.holdfast.pds.internal.codec.PdsJson;
import io.holdfast.pds.internal.codec.PdsRecords;
import io.holdfast.pds.internal.transport.PdsAnswer;
import io.holdfast.pds.internal.transport.PdsAuth;
import io.holdfast.pds.internal.transport.PdsRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A PDS search, {@code GET /Patient?...} with the published parameter names. A 200 is a searchset Bundle (entries
 * with {@code search.score}), or an OperationOutcome TOO_MANY_MATCHES; a 4xx OperationOutcome is a refusal of the
 * query. Restricted patients in the results lose address, telecom and GP before anything else sees them.
 */
final class TraceCall {
    private final PdsCalls calls;
    private final PdsRecords records;

    TraceCall(PdsCalls calls, PdsRecords records) {
        this.calls = calls;
        this.records = records;
    }

    TraceResult trace(DownstreamSystem system, PdsAuth auth, TraceQuery query, CallContext context) {
        PdsRequest request = PdsRequest.get("/Patient?" + queryString(query), "/Patient?" + String.join("&", query.criteria())
                + (query.fuzzy() ? " fuzzy" : "") + (query.exact() ? " exact" : "") + " max " + query.maxResults(),
                PdsCalls.newRequestId(), PdsCalls.correlation(context));
        return calls.call(system, "trace", request, auth, a -> read(system, a), TraceResult.Failed::new);
    }

    static String queryString(TraceQuery q) {
        List<String> p = new ArrayList<>();
        q.family().ifPresent(v -> add(p, "family", v));
        q.given().forEach(v -> add(p, "given", v));
        q.gender().ifPresent(g -> add(p, "gender", g.name().toLowerCase(Locale.ROOT)));
        q.birthDates().forEach(d -> add(p, "birthdate", d.parameter()));
        q.postcode().ifPresent(v -> add(p, "address-postalcode", v));
        q.generalPractitioner().ifPresent(v -> add(p, "general-practitioner", v));
        if (q.fuzzy()) {
            add(p, "_fuzzy-match", "true");
        }
        if (q.exact()) {
            add(p, "_exact-match", "true");
        }
        if (q.history()) {
            add(p, "_history", "true");
        }
        add(p, "_max-results", Integer.toString(q.maxResults()));
        return String.join("&", p);
    }

    private static void add(List<String> params, String name, String value) {
        params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private Reading<TraceResult> read(DownstreamSystem system, PdsAnswer.Answered a) {
        Optional<JsonNode> json = PdsAnswers.json(a);
        if (a.status() == 200 && json.isPresent()) {
            JsonNode body = json.get();
            Optional<PdsJson.Outcome> outcome = PdsJson.outcome(body);
            if (outcome.isPresent() && "TOO_MANY_MATCHES".equals(outcome.get().code())) {
                return new Reading<>(new TraceResult.TooManyMatches(), Optional.of(a.body()), "too many matches");
            }
            if ("Bundle".equals(PdsJson.resourceType(body))) {
                return matches(a, body);
            }
            return new Reading<>(new TraceResult.Failed(PdsAnswers.badResponse(a, "neither a Bundle nor TOO_MANY_MATCHES")),
                    Optional.empty(), "unusable answer");
        }
        if (a.status() >= 400 && a.status() < 500 && a.status() != 401 && a.status() != 429 && a.status() != 408) {
            PdsJson.Outcome o = PdsAnswers.outcome(a);
            return new Reading<>(new TraceResult.Refused(o.code(), o.diagnostics().isEmpty() ? "PDS answered " + a.status() : o.diagnostics()),
                    Optional.of(a.body()), "refused " + o.code());
        }
        return new Reading<>(new TraceResult.Failed(PdsAnswers.failure(a, system.id())), Optional.of(a.body()), "failed");
    }

    private Reading<TraceResult> matches(PdsAnswer.Answered a, JsonNode bundle) {
        List<TraceResult.Candidate> found = new ArrayList<>();
        ObjectNode kept = bundle.deepCopy();
        ArrayNode keptEntries = kept.putArray("entry");
        for (PdsJson.Entry e : PdsJson.entries(bundle)) {
            Optional<PdsRecords.Read> read = records.read(e.resource(), Optional.empty());
            if (read.isEmpty()) {
                return new Reading<>(new TraceResult.Failed(PdsAnswers.badResponse(a, "an entry that is no usable Patient")),
                        Optional.empty(), "unusable entry");
            }
            found.add(new TraceResult.Candidate(read.get().record(), e.score()));
            ObjectNode entry = keptEntries.addObject();
            entry.set("resource", read.get().kept());
            entry.putObject("search").put("score", e.score());
        }
        if (found.isEmpty()) {
            kept.remove("entry");
            return new Reading<>(new TraceResult.NoMatch(), Optional.of(PdsJson.bytes(kept)), "no match");
        }
        found.sort(Comparator.comparingDouble(TraceResult.Candidate::score).reversed()
                .thenComparing(c -> c.record().nhsNumber().value()));
        return new Reading<>(new TraceResult.Matches(found), Optional.of(PdsJson.bytes(kept)), found.size() + " match(es), best score "
                + found.get(0).score());
    }
}
