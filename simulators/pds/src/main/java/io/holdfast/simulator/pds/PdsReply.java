package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** A FHIR JSON answer before the common headers are added: status, body and an optional ETag version. */
record PdsReply(int status, ObjectNode body, Optional<String> version, Map<String, String> extraHeaders) {

    static PdsReply ok(ObjectNode body) {
        return new PdsReply(200, body, Optional.empty(), Map.of());
    }

    static PdsReply resource(ObjectNode patient) {
        return new PdsReply(200, patient, Optional.of(PatientStore.version(patient)), Map.of());
    }

    static PdsReply error(PdsError e) {
        return new PdsReply(e.status(), OperationOutcomes.of(e), Optional.empty(), Map.of());
    }
}
