package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.simulator.apim.http.SimulatorRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The three Patient operations: retrieve (patient-get.yaml), search (patient-search.yaml) and update
 * (patient-patch.yaml). Callers have been authenticated, rate limited and their X-Request-ID checked.
 */
final class PatientEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IF_MATCH = Pattern.compile("^W/\"([0-9]+)\"$");
    static final String NO_IF_MATCH = "Invalid request with error - If-Match header must be supplied to update this resource";
    private final PatientStore store;
    private final PatientSearch search;
    private final JsonPatcher patcher = new JsonPatcher();
    PatientEndpoints(PatientStore store, PatientSearch search) {
        this.store = store;
        this.search = search;
    }

    /** A superseded number answers with the replacement's record: its {@code id} differs from the one asked for. */
    PdsReply retrieve(String nhsNumber) {
        checkNhsNumber(nhsNumber);
        return PdsReply.resource(PatientViews.retrieval(store.resolve(nhsNumber).record()));
    }

    PdsReply search(SimulatorRequest request, PdsCaller caller, String patientBaseUrl) {
        SearchQuery query = SearchQueryParser.parse(request.query(), caller);
        return PdsReply.ok(search.search(query, patientBaseUrl));
    }

    /** Only user-restricted (CIS2) callers may update; a resent update is answered by {@link RequestReplay}. */
    PdsReply update(String nhsNumber, SimulatorRequest request, PdsCaller caller) {
        checkNhsNumber(nhsNumber);
        if (!caller.userRestricted()) {
            throw PdsError.forbidden("Updates are not allowed with application-restricted access");
        }
        store.resolve(nhsNumber);
        String version = request.header("If-Match").map(IF_MATCH::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> m.group(1)).orElseThrow(() -> PdsError.preconditionFailed(NO_IF_MATCH));
        checkContentType(request);
        List<JsonPatchOperation> ops = patcher.parse(body(request));
        ObjectNode updated = store.update(nhsNumber, version, record -> patcher.apply(record, ops));
        return PdsReply.resource(PatientViews.retrieval(updated));
    }

    private static void checkNhsNumber(String nhsNumber) {
        if (!NhsNumbers.isValid(nhsNumber)) {
            throw PdsError.invalidResourceId();
        }
    }

    /** {@code application/json-patch+json}; the published sandbox also takes {@code application/json}. */
    private static void checkContentType(SimulatorRequest request) {
        String type = request.header("Content-Type").orElse("").split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json-patch+json") && !type.equals("application/json")) {
            throw PdsError.unsupportedService();
        }
    }

    private static JsonNode body(SimulatorRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw PdsError.invalidUpdate(JsonPatcher.NO_PATCHES);
        }
    }
}
