package io.holdfast.simulator.eps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a cancel request did, as the prescription-order-update 200 table codes it (R-0001 … R-0006), and the response
 * Bundle of examples/primary-care/.../cancellations/2-Process-Response-Cancel-200_OK.json: a
 * {@code prescription-order-response} MessageHeader and each MedicationRequest with an
 * Extension-DM-PrescriptionStatusHistory carrying the code.
 */
enum CancelOutcome {
    CANCELLED("R-0001", "Prescription/item was cancelled"),
    WITH_DISPENSER("R-0002", "Prescription/item was not cancelled. With dispenser. Marked for cancellation"),
    WITH_DISPENSER_ACTIVE("R-0003", "Prescription/item was not cancelled. With dispenser active. Marked for cancellation"),
    DISPENSED("R-0004", "Prescription/item was not cancelled. Prescription has been dispensed"),
    EXPIRED("R-0005", "Prescription/item had expired"),
    ALREADY_CANCELLED("R-0006", "Prescription/item had already been cancelled");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String STATUS_HISTORY = "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionStatusHistory";
    private final String code;
    private final String display;

    CancelOutcome(String code, String display) {
        this.code = code;
        this.display = display;
    }

    String code() {
        return code;
    }

    /** Applies the cancel to the stored prescription by its state. */
    static CancelOutcome apply(StoredPrescription p) {
        return switch (p.status()) {
            case TO_BE_DISPENSED -> {
                p.status(BusinessStatus.CANCELLED);
                yield CANCELLED;
            }
            case WITH_DISPENSER -> {
                p.markForCancellation();
                yield WITH_DISPENSER;
            }
            case WITH_DISPENSER_ACTIVE -> {
                p.markForCancellation();
                yield WITH_DISPENSER_ACTIVE;
            }
            case DISPENSED, CLAIMED, NOT_DISPENSED -> DISPENSED;
            case EXPIRED -> EXPIRED;
            case CANCELLED -> ALREADY_CANCELLED;
        };
    }

    /**
     * The response Bundle. MessageHeader.response.code is {@code ok} for R-0001 and {@code fatal-error} otherwise (the
     * published example shows only the success; the other value is this simulator's reading).
     */
    static ObjectNode responseBundle(ObjectNode request, CancelOutcome outcome, String timestamp) {
        String messageId = PrescribingEndpoints.newUuid();
        ObjectNode bundle = F.objectNode().put("resourceType", "Bundle").put("id", messageId);
        bundle.putObject("identifier").put("system", "https://tools.ietf.org/html/rfc4122").put("value", messageId);
        bundle.put("timestamp", timestamp).put("type", "message");
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode header = entries.addObject().put("fullUrl", "urn:uuid:" + PrescribingEndpoints.newUuid()).putObject("resource")
                .put("resourceType", "MessageHeader");
        header.putObject("eventCoding").put("system", MessageBundles.MESSAGE_EVENT).put("code", "prescription-order-response")
                .put("display", "Prescription Order Response");
        header.putObject("sender").putObject("identifier").put("system", MessageBundles.ODS_CODE).put("value", "X2601");
        header.putObject("source").put("name", "NHS Spine");
        header.putObject("response").put("identifier", request.path("identifier").path("value").asText(""))
                .put("code", outcome == CANCELLED ? "ok" : "fatal-error");
        ArrayNode focus = header.putArray("focus");
        for (JsonNode entry : request.path("entry")) {
            String type = entry.path("resource").path("resourceType").asText();
            if (type.equals("MessageHeader") || type.equals("Provenance")) {
                continue;
            }
            ObjectNode copy = entry.deepCopy();
            if (type.equals("MedicationRequest")) {
                markOutcome((ObjectNode) copy.path("resource"), outcome, timestamp);
                focus.addObject().put("reference", copy.path("fullUrl").asText());
            }
            entries.add(copy);
        }
        return bundle;
    }

    private static void markOutcome(ObjectNode medicationRequest, CancelOutcome outcome, String timestamp) {
        if (outcome != CANCELLED) {
            medicationRequest.put("status", "active");
        }
        ArrayNode extensions = medicationRequest.has("extension") ? (ArrayNode) medicationRequest.get("extension")
                : medicationRequest.putArray("extension");
        ObjectNode history = extensions.addObject().put("url", STATUS_HISTORY);
        ArrayNode parts = history.putArray("extension");
        parts.addObject().put("url", "status").putObject("valueCoding")
                .put("system", EpsError.STATUS_HISTORY).put("code", outcome.code).put("display", outcome.display);
        parts.addObject().put("url", "statusDate").put("valueDateTime", timestamp);
    }
}
