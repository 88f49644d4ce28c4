package io.holdfast.eps.internal.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.api.event.ContentDigest;
import io.holdfast.api.event.MedicationItem;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.message.FieldTrail;
import java.util.ArrayList;
import java.util.List;

/**
 * A canonical {@link Prescription} as the EPS message bundle of a prescription-order (the body of {@code $prepare} and
 * of {@code $process-message}) or, when its status is {@code cancelled}, of a prescription-order-update (cancel):
 * MessageHeader, one MedicationRequest per item, Patient, and PractitionerRole/Practitioner/Organization for the
 * prescriber. Shapes follow the published examples ({@code examples/primary-care/acute/nominated-pharmacy/
 * medical-prescriber/1-Process-Request-Send-200_OK.json} and {@code cancellations/*-Process-Request-Cancel-200_OK.json}).
 * No Provenance (signature): see the README, "Signing".
 */
public final class PrescriptionBundles {
    public static final String CANCELLED = "cancelled";
    /** Spine cancellation reason used when the source gave none we can map: "Clinical grounds". */
    static final String DEFAULT_CANCEL_REASON = "0004";

    private PrescriptionBundles() {
    }

    public static boolean isCancel(Prescription p) {
        return CANCELLED.equalsIgnoreCase(p.status().trim());
    }

    public static ObjectNode message(Prescription p, FieldTrail trail) {
        StableIds ids = new StableIds(p.key().token(), ContentDigest.of(p).hex());
        boolean cancel = isCancel(p);
        String ods = p.prescribingOrganisation().odsCode();
        ObjectNode bundle = Json.object().put("resourceType", "Bundle").put("id", ids.uuid("bundle"));
        bundle.set("identifier", Json.identifier(EpsFhir.RFC4122, ids.uuid("message")));
        bundle.put("type", "message");
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode header = Json.entry(entries, ids.urn("header"), Json.object().put("resourceType", "MessageHeader"));
        header.set("eventCoding", Json.coding(EpsFhir.MESSAGE_EVENT, cancel ? EpsFhir.ORDER_UPDATE : EpsFhir.ORDER,
                cancel ? "Prescription Order Update" : "Prescription Order"));
        ObjectNode sender = Json.object();
        sender.set("identifier", Json.identifier(EpsFhir.ODS, ods));
        header.set("sender", sender);
        header.set("source", Json.object().put("endpoint", "urn:nhs-uk:addressing:ods:" + ods));
        ArrayNode focus = header.putArray("focus");
        trail.outbound("prescription.prescriptionId", "MedicationRequest.groupIdentifier.value", p.prescriptionId().value());
        trail.outbound("prescription.prescribingOrganisation", "MessageHeader.sender.identifier.value", ods);
        trail.outbound("prescription.status", "MessageHeader.eventCoding.code", cancel ? EpsFhir.ORDER_UPDATE : EpsFhir.ORDER);
        String patientUrn = ids.urn("patient");
        String roleUrn = ids.urn("practitioner-role");
        focus.add(Json.reference(patientUrn));
        focus.add(Json.reference(roleUrn));
        List<ObjectNode> requests = new ArrayList<>();
        int n = 0;
        for (MedicationItem item : p.items()) {
            n++;
            String urn = ids.urn("item-" + n);
            focus.add(Json.reference(urn));
            requests.add(Json.entry(entries, urn, medicationRequest(p, item, n, patientUrn, roleUrn, cancel, trail)));
        }
        Json.entry(entries, patientUrn, Patients.resource(p.patient(), trail, "prescription.patient"));
        Prescribers.add(entries, ids, p, roleUrn, trail);
        return bundle;
    }

    private static ObjectNode medicationRequest(Prescription p, MedicationItem item, int n, String patientUrn, String roleUrn, boolean cancel,
                                                FieldTrail trail) {
        String at = "prescription.items[" + (n - 1) + "]";
        ObjectNode mr = Json.object().put("resourceType", "MedicationRequest");
        mr.putArray("extension").addObject().put("url", EpsFhir.PRESCRIPTION_TYPE_EXT)
                .set("valueCoding", Json.coding(EpsFhir.PRESCRIPTION_TYPE, "1001", "Outpatient Community Prescriber - Medical Prescriber"));
        String itemId = item.lineItemId() == null || item.lineItemId().isBlank()
                ? StableIds.forKey(p.key().token(), "item-" + n) : item.lineItemId();
        mr.putArray("identifier").add(Json.identifier(EpsFhir.ITEM_NUMBER, itemId));
        trail.outbound(at + ".lineItemId", "MedicationRequest.identifier", itemId);
        mr.put("status", cancel ? "cancelled" : "active");
        if (cancel) {
            mr.set("statusReason", Json.concept(Json.coding(EpsFhir.STATUS_REASON, DEFAULT_CANCEL_REASON, "Clinical grounds")));
        }
        mr.put("intent", "order");
        mr.putArray("category").add(Json.concept(Json.coding(EpsFhir.CATEGORY, "outpatient", "Outpatient")));
        mr.set("medicationCodeableConcept", Json.concept(Json.coding(EpsFhir.SNOMED, item.dmdCode(), item.display())));
        trail.outbound(at + ".dmdCode", "MedicationRequest.medicationCodeableConcept.coding.code", item.dmdCode());
        mr.set("subject", Json.reference(patientUrn));
        p.occurredAt().ifPresent(t -> mr.put("authoredOn", t.toString()));
        mr.set("requester", Json.reference(roleUrn));
        ObjectNode group = Json.object();
        group.putArray("extension").addObject().put("url", EpsFhir.PRESCRIPTION_ID_EXT)
                .set("valueIdentifier", Json.identifier(EpsFhir.LONG_FORM, StableIds.forKey(p.key().token(), "prescription")));
        group.put("system", EpsFhir.SHORT_FORM).put("value", p.prescriptionId().value());
        mr.set("groupIdentifier", group);
        mr.set("courseOfTherapyType", Json.concept(Json.coding("http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy",
                "acute", "Short course (acute) therapy")));
        item.dosage().ifPresent(d -> {
            mr.putArray("dosageInstruction").addObject().put("text", d);
            trail.outbound(at + ".dosage", "MedicationRequest.dosageInstruction.text", d);
        });
        ObjectNode dispense = mr.putObject("dispenseRequest");
        dispense.set("quantity", Json.quantity(item.quantity()));
        trail.outbound(at + ".quantity", "MedicationRequest.dispenseRequest.quantity", item.quantity());
        mr.putObject("substitution").put("allowedBoolean", false);
        return mr;
    }
}
