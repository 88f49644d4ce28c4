package io.holdfast.simulator.eps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The dispenser's operations: {@code Task/$release} (nominated release by the pharmacy's ODS code, up to 25, or
 * patient release of one prescription by its ID), the dispense-notification message and {@code Claim}
 * (electronic-prescription-service-api.yaml paths {@code /FHIR/R4/Task/$release},
 * {@code $process-message#dispense-notification}, {@code /FHIR/R4/Claim}). Called under the handler's lock.
 */
final class DispensingEndpoints {
    static final int RELEASE_LIMIT = 25;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String REPLACEMENT_OF = "https://fhir.nhs.uk/StructureDefinition/Extension-replacementOf";
    private static final String TASK_BUSINESS_STATUS = "https://fhir.nhs.uk/StructureDefinition/Extension-EPS-TaskBusinessStatus";
    private final PrescriptionStore store;
    private final EpsCounters counters;

    DispensingEndpoints(PrescriptionStore store, EpsCounters counters) {
        this.store = store;
        this.counters = counters;
    }

    /**
     * Task/$release with a Parameters body: {@code owner} (an Organization resource, or a valueIdentifier in older
     * examples) and {@code status} {@code accepted}; with {@code group-identifier} one prescription (patient release,
     * user-restricted only), else the owner's nominated prescriptions. Answers a Bundle of the released
     * prescription-order messages.
     */
    EpsReply release(byte[] body, EpsCaller caller, boolean enforceAccessModes) {
        ObjectNode parameters = MessageBundles.parse(body, "Parameters");
        String owner = owner(parameters);
        JsonNode status = parameter(parameters, "status").orElseThrow(() -> EpsError.missingField("Parameters.parameter 'status'"));
        if (!"accepted".equals(status.path("valueCode").asText())) {
            throw EpsError.invalidValue("Parameters.parameter 'status' must be 'accepted'");
        }
        Optional<JsonNode> group = parameter(parameters, "group-identifier");
        List<StoredPrescription> released;
        if (group.isPresent()) {
            if (enforceAccessModes && !caller.userRestricted()) {
                throw EpsError.forbidden("Releasing a prescription by its ID is user-restricted; application-restricted access may only "
                        + "release nominated prescriptions");
            }
            released = List.of(releaseOne(group.get().path("valueIdentifier").path("value").asText(""), owner));
        } else {
            released = store.nominatedTo(owner, RELEASE_LIMIT);
            released.forEach(p -> p.releaseTo(owner));
        }
        counters.applied(EpsOperation.RELEASE, released.size());
        return EpsReply.ok(releaseBundle(released));
    }

    private StoredPrescription releaseOne(String id, String owner) {
        if (id.isEmpty()) {
            throw EpsError.missingField("Parameters.parameter 'group-identifier' valueIdentifier.value");
        }
        if (PrescriptionIds.problem(id).isPresent()) {
            throw EpsError.invalidValue("Invalid prescription ID: " + PrescriptionIds.problem(id).get());
        }
        StoredPrescription p = store.get(id).orElseThrow(EpsError::prescriptionNotFound);
        if (p.status().withDispenser()) {
            if (!p.dispenser().orElse("").equals(owner)) {
                throw EpsError.withAnotherDispenser(p.dispenser().orElse("unknown"));
            }
            return p;
        }
        if (p.status() != BusinessStatus.TO_BE_DISPENSED) {
            throw EpsError.prescriptionNotFound();
        }
        p.releaseTo(owner);
        return p;
    }

    /**
     * dispense-notification: each MedicationDispense names the prescription (Extension-DM-GroupIdentifier
     * {@code shortForm} on {@code authorizingPrescription}) and its Extension-EPS-TaskBusinessStatus (0006 dispensed,
     * 0003 partly). The prescription must be with this dispenser (MessageHeader.sender); a second notification needs
     * MessageHeader's {@code replacementOf} (an amendment).
     */
    EpsReply dispenseNotification(ObjectNode bundle) {
        List<JsonNode> dispenses = MessageBundles.resources(bundle, "MedicationDispense");
        if (dispenses.isEmpty()) {
            throw EpsError.missingField("Bundle must contain at least one MedicationDispense");
        }
        String id = null;
        BusinessStatus next = BusinessStatus.DISPENSED;
        for (JsonNode dispense : dispenses) {
            String named = dispensedPrescriptionId(dispense);
            if (id != null && !id.equals(named)) {
                throw EpsError.invalidValue("Every MedicationDispense must be for the same prescription");
            }
            id = named;
            BusinessStatus itemStatus = BusinessStatus.ofCode(extensionCode(dispense, TASK_BUSINESS_STATUS)
                    .orElseThrow(() -> EpsError.missingField("MedicationDispense.extension (Extension-EPS-TaskBusinessStatus)")));
            if (itemStatus == BusinessStatus.WITH_DISPENSER_ACTIVE) {
                next = BusinessStatus.WITH_DISPENSER_ACTIVE;
            }
        }
        PrescriptionOrder.checkPrescriptionId(id);
        StoredPrescription p = store.get(id).orElseThrow(EpsError::prescriptionNotFound);
        JsonNode header = MessageBundles.messageHeader(bundle);
        String sender = header.path("sender").path("identifier").path("value").asText("");
        boolean amendment = hasExtension(header, REPLACEMENT_OF);
        boolean dispensable = p.status().withDispenser() || amendment && p.status() == BusinessStatus.DISPENSED;
        if (!dispensable || !sender.equals(p.dispenser().orElse(""))) {
            throw EpsError.failureToProcess("prescription " + id + " is not with dispenser '" + sender + "' (status "
                    + p.status().display() + ")");
        }
        p.status(next);
        counters.applied(EpsOperation.DISPENSE_NOTIFICATION, 1);
        return EpsReply.informational();
    }

    /**
     * Claim for a dispensed prescription ({@code prescription} Extension-DM-GroupIdentifier {@code shortForm}); an
     * already claimed one only as an amendment ({@code replacementOf}).
     */
    EpsReply claim(byte[] body) {
        ObjectNode claim = MessageBundles.parse(body, "Claim");
        String id = MessageBundles.groupIdentifierShortForm(claim.path("prescription"))
                .orElseThrow(() -> EpsError.missingField("Claim.prescription.extension (Extension-DM-GroupIdentifier shortForm)"));
        PrescriptionOrder.checkPrescriptionId(id);
        StoredPrescription p = store.get(id).orElseThrow(EpsError::prescriptionNotFound);
        boolean amendment = hasExtension(claim, REPLACEMENT_OF);
        if (!(p.status() == BusinessStatus.DISPENSED || amendment && p.status() == BusinessStatus.CLAIMED)) {
            throw EpsError.failureToProcess("prescription " + id + " cannot be claimed (status " + p.status().display() + ")");
        }
        p.status(BusinessStatus.CLAIMED);
        counters.applied(EpsOperation.CLAIM, 1);
        return EpsReply.informational();
    }

    private static String dispensedPrescriptionId(JsonNode dispense) {
        for (JsonNode authorizing : dispense.path("authorizingPrescription")) {
            Optional<String> id = MessageBundles.groupIdentifierShortForm(authorizing);
            if (id.isPresent()) {
                return id.get();
            }
        }
        for (JsonNode contained : dispense.path("contained")) {
            String value = contained.path("groupIdentifier").path("value").asText("");
            if ("MedicationRequest".equals(contained.path("resourceType").asText()) && !value.isEmpty()) {
                return value;
            }
        }
        throw EpsError.missingField("MedicationDispense.authorizingPrescription (Extension-DM-GroupIdentifier shortForm)");
    }

    private static String owner(ObjectNode parameters) {
        JsonNode owner = parameter(parameters, "owner").orElseThrow(() -> EpsError.missingField("Parameters.parameter 'owner'"));
        String ods = owner.has("resource") ? MessageBundles.identifier(owner.path("resource"), MessageBundles.ODS_CODE).orElse("")
                : owner.path("valueIdentifier").path("value").asText("");
        if (ods.isEmpty()) {
            throw EpsError.missingField("Parameters.parameter 'owner' ODS code");
        }
        return ods;
    }

    private static Optional<JsonNode> parameter(ObjectNode parameters, String name) {
        for (JsonNode p : parameters.path("parameter")) {
            if (name.equals(p.path("name").asText())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> extensionCode(JsonNode resource, String url) {
        for (JsonNode extension : resource.path("extension")) {
            if (url.equals(extension.path("url").asText())) {
                return Optional.of(extension.path("valueCoding").path("code").asText(""));
            }
        }
        return Optional.empty();
    }

    private static boolean hasExtension(JsonNode resource, String url) {
        for (JsonNode extension : resource.path("extension")) {
            if (url.equals(extension.path("url").asText())) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode releaseBundle(List<StoredPrescription> released) {
        String id = PrescribingEndpoints.newUuid();
        ObjectNode bundle = F.objectNode().put("resourceType", "Bundle").put("id", id);
        bundle.putObject("identifier").put("system", "https://tools.ietf.org/html/rfc4122").put("value", id);
        bundle.put("type", "searchset").put("total", released.size());
        ArrayNode entries = bundle.putArray("entry");
        for (StoredPrescription p : released) {
            ObjectNode order = p.order();
            entries.addObject().put("fullUrl", "urn:uuid:" + order.path("id").asText(PrescribingEndpoints.newUuid())).set("resource", order);
        }
        return bundle;
    }
}
