package io.holdfast.simulator.eps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * Test messages in the shape of the published examples (examples/primary-care/acute/nominated-pharmacy/
 * medical-prescriber/1-Process-Request-Send-200_OK.json, cancellations/2-Process-Request-Cancel-200_OK.json,
 * secondary-care/homecare/.../1-Task-Request-Release-200_OK.json, 1-Process-Request-Dispense-200_OK.json,
 * 4-Claim-Request-200_OK.json), cut to the elements the simulator reads plus some clinical content.
 */
final class EpsMessages {
    static final String PRESCRIPTION = "EB8B1F-A83008-42DC8L";
    static final String NHS_NUMBER = "9449304130";
    static final String NOMINATED = "FCG71";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EpsMessages() {
    }

    /** A signed prescription-order message for {@code id}, one item {@code item}, nominated to {@code pharmacy}. */
    static ObjectNode order(String id, String item, String pharmacy, String medication) {
        ObjectNode bundle = message("prescription-order");
        ArrayNode entries = (ArrayNode) bundle.get("entry");
        entries.add(entry(medicationRequest(id, item, pharmacy, medication, "active")));
        entries.add(entry(patient(NHS_NUMBER)));
        ObjectNode provenance = F.objectNode().put("resourceType", "Provenance");
        provenance.putArray("signature").addObject().put("when", "2021-05-07T14:47:58+00:00").put("data", "PFNpZ25hdHVyZT4uLi48L1NpZ25hdHVyZT4=");
        entries.add(entry(provenance));
        return bundle;
    }

    static ObjectNode order(String id) {
        return order(id, UUID.randomUUID().toString(), NOMINATED, "Paracetamol 500mg soluble tablets");
    }

    /** A prescription-order-update cancelling {@code id} (reason 0002 Clinical contra-indication). */
    static ObjectNode cancel(String id) {
        ObjectNode bundle = message("prescription-order-update");
        ObjectNode request = medicationRequest(id, UUID.randomUUID().toString(), NOMINATED, "Paracetamol 500mg soluble tablets", "cancelled");
        request.putObject("statusReason").putArray("coding").addObject()
                .put("system", "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-reason").put("code", "0002")
                .put("display", "Clinical contra-indication");
        ((ArrayNode) bundle.get("entry")).add(entry(request));
        ((ArrayNode) bundle.get("entry")).add(entry(patient(NHS_NUMBER)));
        return bundle;
    }

    /** Task/$release: nominated release for {@code owner}, or patient release of {@code id} when not null. */
    static ObjectNode release(String owner, String id) {
        ObjectNode parameters = F.objectNode().put("resourceType", "Parameters");
        ArrayNode list = parameters.putArray("parameter");
        ObjectNode organization = list.addObject().put("name", "owner").putObject("resource").put("resourceType", "Organization");
        organization.putArray("identifier").addObject().put("system", "https://fhir.nhs.uk/Id/ods-organization-code").put("value", owner);
        list.addObject().put("name", "status").put("valueCode", "accepted");
        if (id != null) {
            list.addObject().put("name", "group-identifier").putObject("valueIdentifier")
                    .put("system", "https://fhir.nhs.uk/Id/prescription-order-number").put("value", id);
        }
        return parameters;
    }

    /** A dispense-notification from {@code sender} for {@code id}, item status {@code statusCode} (0006 / 0003). */
    static ObjectNode dispense(String id, String sender, String statusCode) {
        ObjectNode bundle = message("dispense-notification");
        ObjectNode header = (ObjectNode) bundle.path("entry").path(0).path("resource");
        header.putObject("sender").putObject("identifier").put("system", "https://fhir.nhs.uk/Id/ods-organization-code").put("value", sender);
        ObjectNode dispense = F.objectNode().put("resourceType", "MedicationDispense").put("status", "completed");
        dispense.putArray("extension").addObject().put("url", "https://fhir.nhs.uk/StructureDefinition/Extension-EPS-TaskBusinessStatus")
                .putObject("valueCoding").put("system", "https://fhir.nhs.uk/CodeSystem/EPS-task-business-status").put("code", statusCode);
        dispense.putArray("authorizingPrescription").addObject().set("extension", groupIdentifier(id));
        ((ArrayNode) bundle.get("entry")).add(entry(dispense));
        return bundle;
    }

    static ObjectNode claim(String id) {
        ObjectNode claim = F.objectNode().put("resourceType", "Claim").put("status", "active").put("use", "claim");
        claim.putObject("prescription").set("extension", groupIdentifier(id));
        return claim;
    }

    private static ArrayNode groupIdentifier(String id) {
        ArrayNode extensions = F.arrayNode();
        ObjectNode group = extensions.addObject().put("url", "https://fhir.nhs.uk/StructureDefinition/Extension-DM-GroupIdentifier");
        ArrayNode parts = group.putArray("extension");
        parts.addObject().put("url", "shortForm").putObject("valueIdentifier")
                .put("system", "https://fhir.nhs.uk/Id/prescription-order-number").put("value", id);
        parts.addObject().put("url", "UUID").putObject("valueIdentifier")
                .put("system", "https://fhir.nhs.uk/Id/prescription").put("value", UUID.randomUUID().toString());
        return extensions;
    }

    private static ObjectNode message(String event) {
        String id = UUID.randomUUID().toString();
        ObjectNode bundle = F.objectNode().put("resourceType", "Bundle").put("id", id);
        bundle.putObject("identifier").put("system", "https://tools.ietf.org/html/rfc4122").put("value", id);
        bundle.put("type", "message");
        ObjectNode header = F.objectNode().put("resourceType", "MessageHeader");
        header.putObject("eventCoding").put("system", "https://fhir.nhs.uk/CodeSystem/message-event").put("code", event);
        bundle.putArray("entry").add(entry(header));
        return bundle;
    }

    private static ObjectNode medicationRequest(String id, String item, String pharmacy, String medication, String status) {
        ObjectNode request = F.objectNode().put("resourceType", "MedicationRequest");
        request.putArray("identifier").addObject().put("system", "https://fhir.nhs.uk/Id/prescription-order-item-number").put("value", item);
        request.put("status", status).put("intent", "order");
        request.putObject("medicationCodeableConcept").putArray("coding").addObject().put("system", "http://snomed.info/sct")
                .put("code", "322237000").put("display", medication);
        request.put("authoredOn", "2021-05-07T14:47:29+00:00");
        request.putObject("groupIdentifier").put("system", "https://fhir.nhs.uk/Id/prescription-order-number").put("value", id);
        request.putObject("dispenseRequest").putObject("performer").putObject("identifier")
                .put("system", "https://fhir.nhs.uk/Id/ods-organization-code").put("value", pharmacy);
        return request;
    }

    private static ObjectNode patient(String nhsNumber) {
        ObjectNode patient = F.objectNode().put("resourceType", "Patient");
        patient.putArray("identifier").addObject().put("system", "https://fhir.nhs.uk/Id/nhs-number").put("value", nhsNumber);
        return patient;
    }

    private static ObjectNode entry(ObjectNode resource) {
        ObjectNode entry = F.objectNode().put("fullUrl", "urn:uuid:" + UUID.randomUUID());
        entry.set("resource", resource);
        return entry;
    }
}
