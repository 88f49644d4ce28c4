package io.holdfast.eps.internal.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.api.event.ContentDigest;
import io.holdfast.api.event.DispenseNotification;
import io.holdfast.api.event.MedicationItem;
import io.holdfast.api.message.FieldTrail;
import java.util.Locale;

/**
 * A canonical {@link DispenseNotification} as the EPS dispense-notification message bundle (MessageHeader, Patient,
 * Organization of the dispenser, one MedicationDispense per item referring to a contained MedicationRequest with the
 * short-form prescription id), and as the {@code Claim} resource for the same dispense. Shapes follow the published
 * examples ({@code 1-Process-Request-Dispense-200_OK.json}, {@code examples/errors/5-Claim-Request-*.json}).
 */
public final class DispenseBundles {
    private DispenseBundles() {
    }

    public static ObjectNode message(DispenseNotification d, FieldTrail trail) {
        StableIds ids = new StableIds(d.key().token(), ContentDigest.of(d).hex());
        String ods = d.dispenser().odsCode();
        ObjectNode bundle = Json.object().put("resourceType", "Bundle").put("id", ids.uuid("bundle"));
        String notificationId = notificationId(d, ids);
        bundle.set("identifier", Json.identifier(EpsFhir.RFC4122, notificationId));
        bundle.put("type", "message");
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode header = Json.entry(entries, ids.urn("header"), Json.object().put("resourceType", "MessageHeader"));
        header.set("eventCoding", Json.coding(EpsFhir.MESSAGE_EVENT, EpsFhir.DISPENSE, "Dispense Notification"));
        ObjectNode sender = Json.object();
        sender.set("identifier", Json.identifier(EpsFhir.ODS, ods));
        header.set("sender", sender);
        header.set("source", Json.object().put("endpoint", "urn:nhs-uk:addressing:ods:" + ods));
        ArrayNode focus = header.putArray("focus");
        trail.outbound("dispense.prescriptionId", "MedicationDispense.authorizingPrescription.groupIdentifier.value", d.prescriptionId().value());
        trail.outbound("dispense.notificationId", "Bundle.identifier.value", notificationId);
        trail.outbound("dispense.dispenser", "MessageHeader.sender.identifier.value", ods);
        String patientUrn = ids.urn("patient");
        String orgUrn = ids.urn("organization");
        focus.add(Json.reference(patientUrn));
        focus.add(Json.reference(orgUrn));
        int n = 0;
        for (MedicationItem item : d.items()) {
            n++;
            String urn = ids.urn("dispense-" + n);
            focus.add(Json.reference(urn));
            Json.entry(entries, urn, medicationDispense(d, item, n, trail));
        }
        Json.entry(entries, patientUrn, Patients.resource(d.patient(), trail, "dispense.patient"));
        ObjectNode org = Json.entry(entries, orgUrn, Json.object().put("resourceType", "Organization"));
        org.putArray("identifier").add(Json.identifier(EpsFhir.ODS, ods));
        return bundle;
    }

    private static ObjectNode medicationDispense(DispenseNotification d, MedicationItem item, int n, FieldTrail trail) {
        String at = "dispense.items[" + (n - 1) + "]";
        ObjectNode md = Json.object().put("resourceType", "MedicationDispense");
        ObjectNode contained = md.putArray("contained").addObject().put("resourceType", "MedicationRequest").put("id", "m" + n);
        ObjectNode group = Json.object().put("system", EpsFhir.SHORT_FORM).put("value", d.prescriptionId().value());
        contained.set("groupIdentifier", group);
        contained.putArray("identifier").add(Json.identifier(EpsFhir.ITEM_NUMBER, item.lineItemId()));
        md.putArray("extension").addObject().put("url", EpsFhir.TASK_STATUS_EXT)
                .set("valueCoding", Json.coding(EpsFhir.TASK_STATUS, taskStatus(d.status()), null));
        md.putArray("identifier").add(Json.identifier(EpsFhir.DISPENSE_ITEM_NUMBER, StableIds.forKey(d.key().token(), "line-" + n)));
        md.put("status", "completed");
        String type = itemType(item.status().orElse("dispensed"));
        md.set("type", Json.concept(Json.coding(EpsFhir.DISPENSE_TYPE, type, null)));
        trail.outbound(at + ".status", "MedicationDispense.type.coding.code", type);
        md.set("medicationCodeableConcept", Json.concept(Json.coding(EpsFhir.SNOMED, item.dmdCode(), item.display())));
        trail.outbound(at + ".dmdCode", "MedicationDispense.medicationCodeableConcept.coding.code", item.dmdCode());
        md.set("subject", Json.identifierReference(d.patient().primaryIdentifier().system(), d.patient().primaryIdentifier().value()));
        md.putArray("authorizingPrescription").add(Json.reference("#m" + n));
        md.set("quantity", Json.quantity(item.quantity()));
        trail.outbound(at + ".quantity", "MedicationDispense.quantity", item.quantity());
        item.dosage().ifPresent(text -> md.putArray("dosageInstruction").addObject().put("text", text));
        d.occurredAt().ifPresent(t -> md.put("whenHandedOver", t.toString()));
        return md;
    }

    /** The source's notification id when it is a UUID (EPS identifies a dispense notification by one), else one derived from it. */
    static String notificationId(DispenseNotification d, StableIds ids) {
        try {
            return java.util.UUID.fromString(d.notificationId()).toString().equalsIgnoreCase(d.notificationId()) ? d.notificationId().toLowerCase(Locale.ROOT)
                    : ids.uuid("message");
        } catch (IllegalArgumentException e) {
            return ids.uuid("message");
        }
    }

    /** Claim for the dispensed items of {@code d} ({@code POST /Claim}). */
    public static ObjectNode claim(DispenseNotification d, FieldTrail trail) {
        StableIds ids = new StableIds(d.key().token(), ContentDigest.of(d).hex());
        ObjectNode claim = Json.object().put("resourceType", "Claim");
        claim.putArray("identifier").add(Json.identifier(EpsFhir.RFC4122, ids.uuid("claim")));
        claim.put("status", "active");
        claim.set("type", Json.concept(Json.coding("http://terminology.hl7.org/CodeSystem/claim-type", "pharmacy", "Pharmacy")));
        claim.put("use", "claim");
        claim.set("patient", Json.identifierReference(d.patient().primaryIdentifier().system(), d.patient().primaryIdentifier().value()));
        d.occurredAt().ifPresent(t -> claim.put("created", t.toString()));
        claim.set("provider", Json.identifierReference(EpsFhir.ODS, d.dispenser().odsCode()));
        claim.set("priority", Json.concept(Json.coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
        ObjectNode prescription = claim.putObject("prescription");
        ObjectNode ext = prescription.putArray("extension").addObject().put("url", "https://fhir.nhs.uk/StructureDefinition/Extension-DM-GroupIdentifier");
        ext.putArray("extension").addObject().put("url", "shortForm").set("valueIdentifier",
                Json.identifier(EpsFhir.SHORT_FORM, d.prescriptionId().value()));
        trail.outbound("dispense.prescriptionId", "Claim.prescription.extension.shortForm", d.prescriptionId().value());
        ObjectNode item = claim.putArray("item").addObject().put("sequence", 1);
        item.set("productOrService", Json.concept(Json.coding(EpsFhir.SNOMED, "16076005", "Prescription")));
        ArrayNode details = item.putArray("detail");
        int n = 0;
        for (MedicationItem line : d.items()) {
            n++;
            ObjectNode detail = details.addObject();
            detail.putArray("extension").addObject().put("url", "https://fhir.nhs.uk/StructureDefinition/Extension-ClaimMedicationRequestReference")
                    .set("valueReference", Json.identifierReference(EpsFhir.ITEM_NUMBER, line.lineItemId()));
            detail.put("sequence", n);
            detail.set("productOrService", Json.concept(Json.coding(EpsFhir.SNOMED, line.dmdCode(), line.display())));
            detail.putArray("modifier").add(Json.concept(Json.coding(EpsFhir.DISPENSE_TYPE, itemType(line.status().orElse("dispensed")), null)));
            detail.set("quantity", Json.quantity(line.quantity()));
        }
        return claim;
    }

    /** EPS-task-business-status of the prescription: 0006 Dispensed, 0003 With Dispenser - Active (partial). */
    static String taskStatus(String status) {
        return status.toLowerCase(Locale.ROOT).contains("partial") ? "0003" : "0006";
    }

    /** medicationdispense-type of one item: 0001 fully dispensed, 0002 not dispensed, 0003 partially dispensed. */
    static String itemType(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        if (s.contains("not")) {
            return "0002";
        }
        return s.contains("partial") ? "0003" : "0001";
    }
}
