package io.holdfast.ers.internal;

import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.ErsResult;
import io.holdfast.ers.ReviewOutcome;
import io.holdfast.ers.Ubrn;
import io.holdfast.ers.internal.codec.ErsParameters;
import io.holdfast.ers.internal.transport.ErsRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A provider's review outcome (A013 accept, A014 reject, A028 triage outcome), exactly once. The version to send as
 * {@code If-Match} is read first (A005) unless the reviewer gave it; the operation then goes out with one X-Request-ID
 * on every attempt. When the answer is ambiguous — e-RS refuses with 409 / 412 / 422 INVALID_REQUEST_STATE although an
 * earlier attempt of this very request ended without an answer (a 504 or timeout after e-RS had committed), or the
 * outbox delivers a row again after a restart — the referral is read again (reads get a fresh X-Request-ID: a replayed
 * answer to an earlier read would show the state before the outcome): if it already shows the outcome this
 * request asked for, that is the request's own effect and counts as done ({@code alreadyDone}), never as a second
 * outcome or a failure.
 */
final class ReviewCall {
    private static final Set<Integer> AMBIGUOUS = Set.of(409, 412, 422);
    private static final Map<ReviewOutcome.Kind, String> OPERATION = Map.of(ReviewOutcome.Kind.ACCEPT, "$ers.acceptReferral",
            ReviewOutcome.Kind.REJECT, "$ers.rejectReferral", ReviewOutcome.Kind.ACCEPT_REFER_BOOK_LATER, "$ers.recordReviewOutcome",
            ReviewOutcome.Kind.RETURN_TO_REFERRER_WITH_ADVICE, "$ers.recordReviewOutcome");
    /** The e-RS state each outcome leaves (A005's state table; accept leaves a booked referral BOOKED, at a newer version). */
    private static final Map<ReviewOutcome.Kind, String> STATE_AFTER = Map.of(ReviewOutcome.Kind.ACCEPT, "BOOKED",
            ReviewOutcome.Kind.REJECT, "REJECTED", ReviewOutcome.Kind.ACCEPT_REFER_BOOK_LATER, "TRIAGED_PROVIDER_TO_ACTION",
            ReviewOutcome.Kind.RETURN_TO_REFERRER_WITH_ADVICE, "TRIAGE_RESPONSE");
    private final ErsCalls calls;
    private final ErsClient client;

    ReviewCall(ErsCalls calls, ErsClient client) {
        this.calls = calls;
        this.client = client;
    }

    /**
     * @param requestId  the operation's X-Request-ID (a routed delivery derives it from its outbox row: stable across restarts)
     * @param redelivery an earlier delivery of the same request may have reached e-RS (outbox attempt &gt; 1)
     */
    ErsResult<ErsReferral> run(ErsCalls.Access access, Ubrn ubrn, ReviewOutcome outcome, String requestId, Optional<String> correlationId,
                               boolean redelivery) {
        String version;
        if (outcome.expectedVersion().isPresent()) {
            version = outcome.expectedVersion().get();
        } else {
            ErsResult<ErsReferral> current = client.retrieve(access, ubrn, ErsCalls.newRequestId(), correlationId);
            if (!(current instanceof ErsResult.Done<ErsReferral> d)) {
                return current;
            }
            if (redelivery && applied(outcome, d.value(), Optional.empty())) {
                return new ErsResult.Done<>(d.value(), true);
            }
            version = d.value().versionId();
        }
        ErsResult<ErsReferral> result = calls.call(access, "review", request(access, ubrn, outcome, requestId, correlationId, version),
                ErsClient::referral);
        if (result instanceof ErsResult.Refused<ErsReferral> r && AMBIGUOUS.contains(r.status())) {
            return confirmAlreadyDone(access, ubrn, outcome, requestId, correlationId, version, r);
        }
        return result;
    }

    /**
     * After a conflict (typically the retry, same X-Request-ID, of an attempt whose 504 hid that e-RS had committed): the
     * referral is read again and counts as done when it shows this outcome's state at a newer version than the one sent
     * — the outcome asked for is in place, so sending it again would only make a second one. Anything else stays e-RS's
     * refusal.
     */
    private ErsResult<ErsReferral> confirmAlreadyDone(ErsCalls.Access access, Ubrn ubrn, ReviewOutcome outcome, String requestId,
                                                      Optional<String> correlationId, String sentVersion, ErsResult.Refused<ErsReferral> refusal) {
        ErsResult<ErsReferral> now = client.retrieve(access, ubrn, ErsCalls.newRequestId(), correlationId);
        if (now instanceof ErsResult.Done<ErsReferral> d && applied(outcome, d.value(), Optional.of(sentVersion))) {
            return new ErsResult.Done<>(d.value(), true);
        }
        return refusal;
    }

    private static boolean applied(ReviewOutcome outcome, ErsReferral referral, Optional<String> sentVersion) {
        boolean state = referral.state().map(STATE_AFTER.get(outcome.kind())::equals).orElse(false);
        if (outcome.kind() == ReviewOutcome.Kind.ACCEPT) {
            // BOOKED before and after an accept: only a newer version than the one the accept was sent against tells
            return state && sentVersion.map(v -> newer(referral.versionId(), v)).orElse(false);
        }
        return state;
    }

    private static boolean newer(String now, String sent) {
        try {
            return Long.parseLong(now) > Long.parseLong(sent);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ErsRequest request(ErsCalls.Access access, Ubrn ubrn, ReviewOutcome outcome, String requestId,
                                      Optional<String> correlationId, String version) {
        String operation = OPERATION.get(outcome.kind());
        Optional<byte[]> body = switch (outcome.kind()) {
            case ACCEPT -> Optional.empty();
            case REJECT -> Optional.of(ErsParameters.reject(outcome));
            case ACCEPT_REFER_BOOK_LATER, RETURN_TO_REFERRER_WITH_ADVICE -> Optional.of(ErsParameters.reviewOutcome(outcome));
        };
        return new ErsRequest("POST", ErsClient.STU3 + "/ReferralRequest/" + ubrn.value() + "/" + operation, operation + " " + ubrn.value()
                + " " + outcome.kind(), requestId, correlationId, access.roleHeaders(), Optional.of("W/\"" + version + "\""), body);
    }
}
