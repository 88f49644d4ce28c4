package io.holdfast.ers;

import java.util.Objects;
import java.util.Optional;

/**
 * A provider's review of a referral on its 'Referrals for Review' worklist: accept (A013, booked referrals), reject
 * (A014, with e-RS's {@code APPOINTMENT-CANCELLATION-REASON} code of type PROVIDER_REJECT and optional comments), or a
 * triage outcome (A028 {@code $ers.recordReviewOutcome}, triage referrals, comments mandatory).
 *
 * @param expectedVersion the {@code meta.versionId} the reviewer saw (sent as {@code If-Match: W/"n"}); empty = the
 *                        connector retrieves the referral first and uses its current version
 */
@org.osgi.annotation.versioning.ProviderType
public record ReviewOutcome(Kind kind, Optional<String> reasonCode, Optional<String> comments, Optional<String> expectedVersion) {
    public enum Kind {
        /** A013 {@code $ers.acceptReferral}; e-RS state stays BOOKED */
        ACCEPT,
        /** A014 {@code $ers.rejectReferral}; e-RS state REJECTED */
        REJECT,
        /** A028 reviewOutcome ACCEPT_REFER_BOOK_LATER; e-RS state TRIAGED_PROVIDER_TO_ACTION */
        ACCEPT_REFER_BOOK_LATER,
        /** A028 reviewOutcome RETURN_TO_REFERRER_WITH_ADVICE; e-RS state TRIAGE_RESPONSE */
        RETURN_TO_REFERRER_WITH_ADVICE
    }

    public ReviewOutcome {
        Objects.requireNonNull(kind, "kind");
        reasonCode = reasonCode == null ? Optional.empty() : reasonCode.filter(s -> !s.isBlank());
        comments = comments == null ? Optional.empty() : comments.filter(s -> !s.isBlank());
        expectedVersion = expectedVersion == null ? Optional.empty() : expectedVersion;
        if (kind == Kind.REJECT && reasonCode.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs e-RS's rejection reason code (APPOINTMENT-CANCELLATION-REASON, PROVIDER_REJECT)");
        }
        if ((kind == Kind.ACCEPT_REFER_BOOK_LATER || kind == Kind.RETURN_TO_REFERRER_WITH_ADVICE) && comments.isEmpty()) {
            throw new IllegalArgumentException("a triage outcome needs review comments (e-RS A028 makes them mandatory)");
        }
    }

    public static ReviewOutcome accept() {
        return new ReviewOutcome(Kind.ACCEPT, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ReviewOutcome reject(String reasonCode, String comments) {
        return new ReviewOutcome(Kind.REJECT, Optional.of(reasonCode), Optional.ofNullable(comments), Optional.empty());
    }
}
