package io.holdfast.simulator.ers;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.simulator.apim.http.SimulatorRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The referral operations once the platform's checks passed: the provider's review actions move a referral
 * through its states with optimistic versions (If-Match), the referrer's creations allocate a UBRN.
 */
final class ReferralEndpoints {
    private static final Pattern IF_MATCH = Pattern.compile("^W/\"([0-9]+)\"$");
    private static final Pattern NHS_NUMBER = Pattern.compile("^[0-9]{10}$");
    private static final Set<String> PRIORITIES = Set.of("ROUTINE", "URGENT", "TWO_WEEK_WAIT");
    private static final Set<String> REVIEW_OUTCOMES = Set.of("RETURN_TO_REFERRER_WITH_ADVICE", "ACCEPT_REFER_BOOK_LATER");
    private final ReferralStore store;
    private final WorklistQuery worklist;
    private final ReferralCreation creation;

    ReferralEndpoints(ReferralStore store) {
        this.store = store;
        this.worklist = new WorklistQuery(store);
        this.creation = new ReferralCreation(store);
    }

    ErsReply handle(ErsRoute route, SimulatorRequest request) {
        return switch (route.operation()) {
            case RETRIEVE_REFERRAL -> retrieve(route.ubrn().orElseThrow(), route.version());
            case FETCH_WORKLIST -> worklist.fetch(body(request));
            case RETRIEVE_ATTACHMENT -> attachment(route.binaryId().orElseThrow());
            case CREATE_REFERRAL, CREATE_REFERRAL_AND_SEND_FOR_TRIAGE -> creation.create(route.operation(), body(request));
            case ACCEPT_REFERRAL -> accept(route.ubrn().orElseThrow(), ifMatch(request));
            case REJECT_REFERRAL -> reject(route.ubrn().orElseThrow(), ifMatch(request), body(request));
            case RECORD_REVIEW_OUTCOME -> recordReviewOutcome(route.ubrn().orElseThrow(), ifMatch(request), body(request));
        };
    }

    /** A005; the versioned form serves only the current version ("You cannot retrieve earlier versions"). */
    private ErsReply retrieve(String ubrn, Optional<String> version) {
        Referral r = store.get(ubrn).orElseThrow(() -> ErsError.notFound("No referral with UBRN " + ubrn));
        if (version.isPresent() && !version.get().equals(String.valueOf(r.version()))) {
            throw ErsError.notFound("Version " + version.get() + " of referral " + ubrn + " is not available; the current version is "
                    + r.version());
        }
        return resource(200, r);
    }

    private ErsReply attachment(String id) {
        Attachment a = store.attachment(id).orElseThrow(() -> ErsError.notFound("No attachment " + id));
        return new ErsReply(200, a.content(), a.contentType(), Optional.empty(),
                Map.of("Content-Disposition", "attachment; filename=\"" + a.title() + "\""));
    }

    /** A013: only a booked referral awaiting review ("not the referrals sent into triage services"). */
    private ErsReply accept(String ubrn, int ifMatch) {
        Referral r = store.change(ubrn, ErsOperation.ACCEPT_REFERRAL, current -> {
            checkVersion(current, ifMatch);
            requireAwaitingReview(current, ReferralType.APPOINTMENT, ErsOperation.ACCEPT_REFERRAL);
            return current.next(ReferralState.BOOKED, false, Optional.empty());
        });
        return resource(200, r);
    }

    /** A014: rejection reason and comment are both mandatory; the referral returns to the referrer (REJECTED). */
    private ErsReply reject(String ubrn, int ifMatch, FhirParameters body) {
        FhirParameters.code(body.required("rejectionReason"))
                .orElseThrow(() -> ErsError.missingValue(422, "Parameter 'rejectionReason' needs a valueCoding code"));
        String comment = text(body, "rejectionComments");
        Referral r = store.change(ubrn, ErsOperation.REJECT_REFERRAL, current -> {
            checkVersion(current, ifMatch);
            requireAwaitingReview(current, ReferralType.APPOINTMENT, ErsOperation.REJECT_REFERRAL);
            return current.next(ReferralState.REJECTED, false, Optional.of(comment));
        });
        return resource(200, r);
    }

    /** A028: outcomes 'Return to referrer with advice' and 'Accept and refer/book later'; the comment is mandatory. */
    private ErsReply recordReviewOutcome(String ubrn, int ifMatch, FhirParameters body) {
        String outcome = FhirParameters.code(body.required("reviewOutcome"))
                .orElseThrow(() -> ErsError.missingValue(422, "Parameter 'reviewOutcome' needs a valueCoding code"));
        if (!REVIEW_OUTCOMES.contains(outcome)) {
            throw ErsError.invalidCode("reviewOutcome '" + outcome + "' is not one of " + REVIEW_OUTCOMES);
        }
        String comment = text(body, "reviewComments");
        ReferralState next = outcome.equals("RETURN_TO_REFERRER_WITH_ADVICE") ? ReferralState.TRIAGE_RESPONSE
                : ReferralState.TRIAGED_PROVIDER_TO_ACTION;
        Referral r = store.change(ubrn, ErsOperation.RECORD_REVIEW_OUTCOME, current -> {
            checkVersion(current, ifMatch);
            boolean deferred = current.state() == ReferralState.DEFERRED_TO_PROVIDER && current.reviewPending();
            if (!deferred) {
                requireAwaitingReview(current, ReferralType.TRIAGE, ErsOperation.RECORD_REVIEW_OUTCOME);
            }
            return current.next(next, false, Optional.of(comment));
        });
        return resource(200, r);
    }

    private static void checkVersion(Referral current, int ifMatch) {
        if (current.version() != ifMatch) {
            throw ErsError.versionConflict("Version supplied as part of the request (" + ifMatch
                    + ") does not match current version of the referral request (" + current.version() + ")");
        }
    }

    private static void requireAwaitingReview(Referral r, ReferralType type, ErsOperation op) {
        if (r.type() != type || !r.reviewPending()) {
            throw ErsError.invalidRequestState(op.apiId() + " needs a " + type + " referral awaiting review; referral " + r.ubrn()
                    + " is " + r.type() + ", state " + r.state() + (r.reviewPending() ? "" : ", not awaiting review"));
        }
    }

    private static String text(FhirParameters body, String name) {
        String value = body.required(name).path("valueString").asText("").trim();
        if (value.isEmpty()) {
            throw ErsError.missingValue(422, "Parameter '" + name + "' needs a non-empty valueString");
        }
        return value;
    }

    /** IfMatch.yaml: required, pattern {@code W/"<digits>"}; PreconditionFailed.yaml (412) when missing. */
    private static int ifMatch(SimulatorRequest request) {
        String header = request.header("If-Match")
                .orElseThrow(() -> ErsError.missingValue(412, "Header 'If-Match' (the referral version, e.g. W/\"4\") is required"));
        Matcher m = IF_MATCH.matcher(header.trim());
        if (!m.matches()) {
            throw ErsError.invalidValue(400, "Header 'If-Match' must be W/\"<version>\"; got '" + header + "'");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Request bodies are {@code application/fhir+json} (UnsupportedMediaType.yaml, 415 otherwise). */
    private static FhirParameters body(SimulatorRequest request) {
        String type = request.header("Content-Type").orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith(ErsReply.FHIR_JSON)) {
            throw ErsError.unsupportedMediaType("Content-Type must be application/fhir+json; got '" + type + "'");
        }
        return FhirParameters.parse(request.body());
    }

    static ErsReply resource(int status, Referral r) {
        return ErsReply.json(status, ReferralViews.referralRequest(r), Optional.of(r.version()));
    }

    static void requireNhsNumber(String nhsNumber) {
        if (!NHS_NUMBER.matcher(nhsNumber).matches()) {
            throw ErsError.invalidValue(422, "Patient NHS number must be 10 digits; got '" + nhsNumber + "'");
        }
    }

    static void requirePriority(String priority) {
        if (!PRIORITIES.contains(priority)) {
            throw ErsError.invalidCode("priority '" + priority + "' is not one of " + PRIORITIES);
        }
    }
}
