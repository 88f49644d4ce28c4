package io.holdfast.simulator.ers;

import io.holdfast.simulator.apim.http.SimulatorRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request headers e-RS checks before an operation: the caller's role (NHSD-eRS-Business-Function), acting on
 * behalf of another user (NHSD-eRS-On-Behalf-Of-User-ID) and the organisation (NHSD-End-User-Organisation-ODS) —
 * required for user-restricted access and not allowed for application-restricted access
 * (BusinessFunctionOnlyUserRestricted.yaml, OdsCodeOnlyUserRestricted.yaml, OnBehalfOfUserID.yaml; the published
 * sandbox's validationUtils.validateBusinessFunction for the 403s).
 */
final class ErsHeaders {
    static final String BUSINESS_FUNCTION = "NHSD-eRS-Business-Function";
    static final String ON_BEHALF_OF = "NHSD-eRS-On-Behalf-Of-User-ID";
    static final String ODS_CODE = "NHSD-End-User-Organisation-ODS";
    static final String REQUEST_ID = "X-Request-ID";
    static final String CORRELATION_ID = "X-Correlation-ID";
    private static final Pattern SDS_USER_ID = Pattern.compile("^[0-9]{12}$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private ErsHeaders() {
    }

    /** Missing: 400 MISSING_VALUE; not a UUID: 400 INVALID_VALUE. */
    static String requestId(SimulatorRequest request) {
        String id = request.header(REQUEST_ID)
                .orElseThrow(() -> ErsError.missingValue(400, "Header '" + REQUEST_ID + "' (a UUID) must be supplied"));
        if (!UUID.matcher(id).matches()) {
            throw ErsError.invalidValue(400, "Invalid value - '" + id + "' in header '" + REQUEST_ID + "' (a UUID)");
        }
        return id;
    }

    static void checkRole(SimulatorRequest request, ErsCaller caller, ErsOperation op) {
        if (!caller.userRestricted()) {
            checkApplicationRestricted(request, op);
            return;
        }
        String header = request.header(BUSINESS_FUNCTION)
                .orElseThrow(() -> ErsError.missingValue(400, "Header '" + BUSINESS_FUNCTION + "' is required for user-restricted access"));
        BusinessFunction role = BusinessFunction.parse(header)
                .orElseThrow(() -> ErsError.invalidValue(400, "Invalid value - '" + header + "' in header '" + BUSINESS_FUNCTION + "'"));
        if (request.header(ODS_CODE).filter(s -> !s.isBlank()).isEmpty()) {
            throw ErsError.missingValue(400, "Header '" + ODS_CODE + "' is required for user-restricted access");
        }
        if (!op.allowedBusinessFunctions().contains(role)) {
            throw ErsError.forbidden("This endpoint (" + op.apiId() + ") cannot be accessed using the e-RS Business Function provided ("
                    + role + "). Allowed values: " + op.allowedBusinessFunctions().stream().sorted().toList());
        }
        checkOnBehalfOf(request.header(ON_BEHALF_OF), role);
    }

    private static void checkOnBehalfOf(Optional<String> obo, BusinessFunction role) {
        if (role.actsOnBehalfOfAnotherUser() && obo.isEmpty()) {
            throw ErsError.forbidden("When this endpoint is accessed using the e-RS SERVICE_PROVIDER_CLINICIAN_ADMIN Business Function then "
                    + "an On-Behalf-Of User ID must be provided");
        }
        if (!role.actsOnBehalfOfAnotherUser() && obo.isPresent()) {
            throw ErsError.forbidden("An On-Behalf-Of User ID must only be provided if this endpoint is accessed using the e-RS "
                    + "SERVICE_PROVIDER_CLINICIAN_ADMIN Business Function");
        }
        if (obo.isPresent() && !SDS_USER_ID.matcher(obo.get()).matches()) {
            throw ErsError.invalidValue(400, "Invalid value - '" + obo.get() + "' in header '" + ON_BEHALF_OF + "' (a 12-digit SDS user ID)");
        }
    }

    private static void checkApplicationRestricted(SimulatorRequest request, ErsOperation op) {
        if (!op.applicationRestrictedAllowed()) {
            throw ErsError.forbidden(op.apiId() + " supports healthcare worker, user-restricted access only");
        }
        for (String userOnly : new String[] {BUSINESS_FUNCTION, ODS_CODE, ON_BEHALF_OF}) {
            if (request.header(userOnly).isPresent()) {
                throw ErsError.invalidValue(400, "Header '" + userOnly + "' is not allowed for application-restricted access");
            }
        }
    }
}
