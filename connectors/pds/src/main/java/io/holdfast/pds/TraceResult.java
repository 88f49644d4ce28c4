package io.holdfast.pds;

import java.util.List;
import java.util.Objects;

/** The answer to {@link PdsService#trace}. */
@org.osgi.annotation.versioning.ProviderType
public sealed interface TraceResult {

    /** Candidates best first (by score, then NHS number), at most {@link TraceQuery#maxResults()}. */
    record Matches(List<Candidate> candidates) implements TraceResult {
        public Matches {
            candidates = List.copyOf(candidates);
        }
    }

    /** An empty searchset. */
    record NoMatch() implements TraceResult {
    }

    /** More matches than {@code _max-results}: narrow the query (PDS answers 200 with OperationOutcome TOO_MANY_MATCHES). */
    record TooManyMatches() implements TraceResult {
    }

    /** PDS refused the query (e.g. INVALID_SEARCH_DATA, MISSING_VALUE, INVALID_VALUE): its code and diagnostics. */
    record Refused(String code, String reason) implements TraceResult {
    }

    record Failed(CallFailure failure) implements TraceResult {
    }

    /** One match: the record (restricted fields removed for restricted patients) and PDS's {@code search.score} (0-1). */
    record Candidate(PdsRecord record, double score) {
        public Candidate {
            Objects.requireNonNull(record, "record");
        }
    }
}
