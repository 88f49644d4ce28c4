package io.holdfast.simulator.eps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A prescription-order message read and checked as $prepare and $process-message check it: MedicationRequests
 * sharing one valid short-form prescription ID, a Patient with a valid NHS number and, for $process-message, the
 * signature a Provenance carries (electronic-prescription-service-api.yaml, "To create a prescription" and the
 * prescription-order 4XX table; examples/primary-care/.../1-Process-Request-Send-200_OK.json).
 */
record PrescriptionOrder(String prescriptionId, String nhsNumber, Optional<String> nominatedPharmacy, String authoredOn,
                         List<String> itemNumbers, boolean signed) {

    static PrescriptionOrder read(ObjectNode bundle) {
        List<JsonNode> requests = MessageBundles.resources(bundle, "MedicationRequest");
        if (requests.isEmpty()) {
            throw EpsError.missingField("Bundle must contain at least one MedicationRequest");
        }
        String id = MessageBundles.prescriptionId(requests);
        checkPrescriptionId(id);
        List<JsonNode> patients = MessageBundles.resources(bundle, "Patient");
        if (patients.size() != 1) {
            throw EpsError.missingField("Bundle must contain exactly one Patient");
        }
        String nhsNumber = MessageBundles.identifier(patients.get(0), MessageBundles.NHS_NUMBER)
                .orElseThrow(() -> EpsError.missingField("Patient.identifier (NHS number)"));
        if (!MessageBundles.validNhsNumber(nhsNumber)) {
            throw EpsError.failureToProcess("NHS number is invalid");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode request : requests) {
            items.add(MessageBundles.identifier(request, MessageBundles.ITEM_NUMBER)
                    .orElseThrow(() -> EpsError.missingField("MedicationRequest.identifier (prescription-order-item-number)")));
        }
        JsonNode first = requests.get(0);
        Optional<String> nominated = Optional.of(first.path("dispenseRequest").path("performer").path("identifier").path("value").asText(""))
                .filter(v -> !v.isEmpty());
        return new PrescriptionOrder(id, nhsNumber, nominated, first.path("authoredOn").asText(""), items, signed(bundle));
    }

    /** FAILURE_TO_PROCESS_MESSAGE "prescriptionID has invalid checksum" (1-Process-Response-Send-400_INVALID_CHECKSUM.json), or a bad form. */
    static void checkPrescriptionId(String id) {
        if (PrescriptionIds.problem(id).isPresent()) {
            throw EpsError.failureToProcess(PrescriptionIds.hasShortForm(id) ? "prescriptionID has invalid checksum"
                    : "prescriptionID has invalid format");
        }
    }

    private static boolean signed(ObjectNode bundle) {
        for (JsonNode provenance : MessageBundles.resources(bundle, "Provenance")) {
            for (JsonNode signature : provenance.path("signature")) {
                if (!signature.path("data").asText("").isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }
}
