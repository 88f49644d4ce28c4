package io.holdfast.eps.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.DispenseNotification;
import io.holdfast.api.event.MedicationItem;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.event.PrescriptionId;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.PractitionerRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an EPS message bundle (prescription-order, prescription-order-update, dispense-notification) into the canonical
 * event: what a released prescription or an inbound FHIR message means, and how the EPS route target learns which
 * prescription a routed body is about. Throws {@link IllegalArgumentException} with a PHI-free reason otherwise.
 */
public final class EpsBundleReader {
    private EpsBundleReader() {
    }

    /** The message event code of the bundle's MessageHeader, e.g. {@code prescription-order}. */
    public static String eventCode(JsonNode bundle) {
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            if ("MessageHeader".equals(r.path("resourceType").asText())) {
                return r.path("eventCoding").path("code").asText("");
            }
        }
        throw new IllegalArgumentException("the bundle has no MessageHeader");
    }

    /** The short-form prescription id the message is about (first MedicationRequest or MedicationDispense). */
    public static PrescriptionId prescriptionId(JsonNode bundle) {
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            Optional<String> id = switch (r.path("resourceType").asText()) {
                case "MedicationRequest" -> Json.text(r.path("groupIdentifier").path("value"));
                case "MedicationDispense" -> Json.text(r.path("contained").path(0).path("groupIdentifier").path("value"));
                default -> Optional.empty();
            };
            if (id.isPresent()) {
                return new PrescriptionId(id.get());
            }
        }
        throw new IllegalArgumentException("the bundle names no prescription (groupIdentifier)");
    }

    public static ClinicalEvent read(JsonNode bundle, FieldTrail trail) {
        if (!"Bundle".equals(bundle.path("resourceType").asText()) || !"message".equals(bundle.path("type").asText())) {
            throw new IllegalArgumentException("not a FHIR message Bundle");
        }
        String event = eventCode(bundle);
        Map<String, JsonNode> byUrl = new HashMap<>();
        bundle.path("entry").forEach(e -> byUrl.put(e.path("fullUrl").asText(), e.path("resource")));
        return switch (event) {
            case EpsFhir.ORDER, EpsFhir.ORDER_UPDATE -> prescription(bundle, byUrl, trail);
            case EpsFhir.DISPENSE -> dispense(bundle, trail);
            default -> throw new IllegalArgumentException("message event '" + event + "' is not mapped");
        };
    }

    private static Prescription prescription(JsonNode bundle, Map<String, JsonNode> byUrl, FieldTrail trail) {
        List<MedicationItem> items = new ArrayList<>();
        JsonNode first = null;
        boolean cancelled = false;
        for (JsonNode r : resources(bundle, "MedicationRequest")) {
            first = first == null ? r : first;
            cancelled |= "cancelled".equals(r.path("status").asText());
            items.add(new MedicationItem(Json.identifierValue(r.path("identifier"), EpsFhir.ITEM_NUMBER).orElse(""),
                    r.path("medicationCodeableConcept").path("coding").path(0).path("code").asText(""),
                    r.path("medicationCodeableConcept").path("coding").path(0).path("display").asText(""),
                    Json.quantityText(r.path("dispenseRequest").path("quantity")), Json.text(r.path("dosageInstruction").path(0).path("text")),
                    Optional.empty()));
        }
        if (first == null) {
            throw new IllegalArgumentException("a prescription message without a MedicationRequest");
        }
        PrescriptionId id = prescriptionId(bundle);
        trail.inbound("MedicationRequest.groupIdentifier.value", "prescription.prescriptionId", id.value());
        Patient patient = Patients.read(byUrl.getOrDefault(first.path("subject").path("reference").asText(), missing()), trail, "prescription.patient")
                .orElseThrow(() -> new IllegalArgumentException("the prescription's patient has no identifier"));
        JsonNode role = byUrl.getOrDefault(first.path("requester").path("reference").asText(), missing());
        Optional<PractitionerRef> prescriber = Prescribers.read(byUrl.getOrDefault(role.path("practitioner").path("reference").asText(), missing()));
        String ods = senderOds(bundle);
        Optional<Instant> authored = Json.text(first.path("authoredOn")).map(t -> java.time.OffsetDateTime.parse(t).toInstant());
        return new Prescription(id, patient, new OrganisationRef(ods), prescriber, items, cancelled ? PrescriptionBundles.CANCELLED : "active", authored);
    }

    private static DispenseNotification dispense(JsonNode bundle, FieldTrail trail) {
        List<MedicationItem> items = new ArrayList<>();
        Optional<Instant> handedOver = Optional.empty();
        String status = "dispensed";
        for (JsonNode r : resources(bundle, "MedicationDispense")) {
            String type = r.path("type").path("coding").path(0).path("code").asText("0001");
            items.add(new MedicationItem(Json.identifierValue(r.path("contained").path(0).path("identifier"), EpsFhir.ITEM_NUMBER).orElse(""),
                    r.path("medicationCodeableConcept").path("coding").path(0).path("code").asText(""),
                    r.path("medicationCodeableConcept").path("coding").path(0).path("display").asText(""),
                    Json.quantityText(r.path("quantity")), Json.text(r.path("dosageInstruction").path(0).path("text")),
                    Optional.of(switch (type) { case "0002" -> "not dispensed"; case "0003" -> "partially dispensed"; default -> "dispensed"; })));
            if ("0003".equals(r.path("extension").path(0).path("valueCoding").path("code").asText())) {
                status = "partially dispensed";
            }
            handedOver = handedOver.or(() -> Json.text(r.path("whenHandedOver")).map(t -> java.time.OffsetDateTime.parse(t).toInstant()));
        }
        PrescriptionId id = prescriptionId(bundle);
        trail.inbound("MedicationDispense.authorizingPrescription.groupIdentifier.value", "dispense.prescriptionId", id.value());
        Patient patient = resources(bundle, "Patient").stream().findFirst().flatMap(p -> Patients.read(p, trail, "dispense.patient"))
                .orElseThrow(() -> new IllegalArgumentException("the dispense notification has no patient with an identifier"));
        String notificationId = bundle.path("identifier").path("value").asText("");
        if (notificationId.isEmpty()) {
            throw new IllegalArgumentException("the dispense notification has no Bundle.identifier");
        }
        return new DispenseNotification(id, notificationId, patient, new OrganisationRef(senderOds(bundle)), items, status, handedOver);
    }

    private static String senderOds(JsonNode bundle) {
        for (JsonNode r : resources(bundle, "MessageHeader")) {
            Optional<String> ods = Json.text(r.path("sender").path("identifier").path("value"));
            if (ods.isPresent()) {
                return ods.get();
            }
        }
        throw new IllegalArgumentException("the MessageHeader names no sender ODS code");
    }

    private static List<JsonNode> resources(JsonNode bundle, String type) {
        List<JsonNode> out = new ArrayList<>();
        bundle.path("entry").forEach(e -> {
            if (type.equals(e.path("resource").path("resourceType").asText())) {
                out.add(e.path("resource"));
            }
        });
        return out;
    }

    private static JsonNode missing() {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
