package io.holdfast.simulator.ers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which operation a method and path name, with its path parameters. Paths are the published ones under the
 * base path {@code /referrals/FHIR} (specification/e-referrals-service-api.yaml, {@code servers} and {@code paths}).
 */
record ErsRoute(ErsOperation operation, Optional<String> ubrn, Optional<String> version, Optional<String> binaryId) {
    static final String BASE_PATH = "/referrals/FHIR";
    static final String STU3 = BASE_PATH + "/STU3";
    static final String R4 = BASE_PATH + "/R4";
    private static final Pattern REFERRAL = Pattern.compile("^" + Pattern.quote(STU3) + "/ReferralRequest/([^/$]+)(?:/_history/([^/]+))?$");
    private static final Pattern REFERRAL_OPERATION = Pattern.compile("^" + Pattern.quote(STU3) + "/ReferralRequest/([^/$]+)/\\$ers\\.([A-Za-z]+)$");
    private static final Pattern BINARY = Pattern.compile("^" + Pattern.quote(BASE_PATH) + "/(?:STU3|R4)/Binary/([^/]+)$");

    /** The route, or an error: 404 for a path this simulator does not serve, 405 for a wrong method. */
    static ErsRoute of(String method, String path) {
        switch (path) {
            case STU3 + "/ReferralRequest/$ers.fetchworklist" -> {
                return post(method, path, ErsOperation.FETCH_WORKLIST, null);
            }
            case STU3 + "/ReferralRequest/$ers.createReferral" -> {
                return post(method, path, ErsOperation.CREATE_REFERRAL, null);
            }
            case STU3 + "/ReferralRequest/$ers.createReferralAndSendForTriage" -> {
                return post(method, path, ErsOperation.CREATE_REFERRAL_AND_SEND_FOR_TRIAGE, null);
            }
            default -> { }
        }
        Matcher m = REFERRAL_OPERATION.matcher(path);
        if (m.matches()) {
            ErsOperation op = switch (m.group(2)) {
                case "acceptReferral" -> ErsOperation.ACCEPT_REFERRAL;
                case "rejectReferral" -> ErsOperation.REJECT_REFERRAL;
                case "recordReviewOutcome" -> ErsOperation.RECORD_REVIEW_OUTCOME;
                default -> throw notServed(path);
            };
            return post(method, path, op, m.group(1));
        }
        m = REFERRAL.matcher(path);
        if (m.matches()) {
            requireMethod(method, "GET", path);
            return new ErsRoute(ErsOperation.RETRIEVE_REFERRAL, Optional.of(m.group(1)), Optional.ofNullable(m.group(2)), Optional.empty());
        }
        m = BINARY.matcher(path);
        if (m.matches()) {
            requireMethod(method, "GET", path);
            return new ErsRoute(ErsOperation.RETRIEVE_ATTACHMENT, Optional.empty(), Optional.empty(), Optional.of(m.group(1)));
        }
        throw notServed(path);
    }

    private static ErsRoute post(String method, String path, ErsOperation op, String ubrn) {
        requireMethod(method, "POST", path);
        return new ErsRoute(op, Optional.ofNullable(ubrn), Optional.empty(), Optional.empty());
    }

    private static void requireMethod(String method, String expected, String path) {
        if (!method.equals(expected)) {
            throw ErsError.methodNotAllowed("Method " + method + " is not supported for " + path + "; use " + expected);
        }
    }

    private static ErsError notServed(String path) {
        return ErsError.notFound("No endpoint " + path + " in this simulator (it serves A005, A006/A042, A008, A011, A013, A014, A021, A028)");
    }
}
