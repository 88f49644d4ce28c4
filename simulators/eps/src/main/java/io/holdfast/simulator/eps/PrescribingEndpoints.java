package io.holdfast.simulator.eps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The prescriber's operations: {@code $prepare} and the prescription-order / prescription-order-update messages of
 * {@code $process-message} (electronic-prescription-service-api.yaml paths {@code /FHIR/R4/$prepare},
 * {@code $process-message#prescription-order}, {@code #prescription-order-update}). Called under the handler's lock.
 */
final class PrescribingEndpoints {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String SIGNED_INFO = "<SignedInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
            + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"></CanonicalizationMethod>"
            + "<SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#rsa-sha1\"></SignatureMethod><Reference><Transforms>"
            + "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"></Transform></Transforms>"
            + "<DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"></DigestMethod><DigestValue>%s</DigestValue>"
            + "</Reference></SignedInfo>";
    private final PrescriptionStore store;
    private final EpsCounters counters;
    private final Clock clock;

    PrescribingEndpoints(PrescriptionStore store, EpsCounters counters, Clock clock) {
        this.store = store;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * $prepare: the Parameters of 1-Prepare-Response-200_OK.json — {@code digest} (base64 of an XML-DSig SignedInfo),
     * {@code timestamp}, {@code algorithm} RS1. The real DigestValue is SHA-1 over HL7 V3 signature fragments; here it
     * is SHA-1 over the order's canonical JSON without Provenance (same order, same digest). Nothing is stored.
     */
    EpsReply prepare(byte[] body) {
        ObjectNode bundle = MessageBundles.parse(body, "Bundle");
        requireEvent(bundle, "prescription-order");
        PrescriptionOrder.read(bundle);
        ObjectNode unsigned = bundle.deepCopy();
        ArrayNode entries = (ArrayNode) unsigned.path("entry");
        for (int i = entries.size() - 1; i >= 0; i--) {
            if ("Provenance".equals(entries.get(i).path("resource").path("resourceType").asText())) {
                entries.remove(i);
            }
        }
        String digestValue = Base64.getEncoder().encodeToString(CanonicalJson.sha("SHA-1", CanonicalJson.bytes(unsigned)));
        String signedInfo = String.format(SIGNED_INFO, digestValue);
        ObjectNode parameters = F.objectNode().put("resourceType", "Parameters");
        ArrayNode list = parameters.putArray("parameter");
        list.addObject().put("name", "digest").put("valueString", Base64.getEncoder().encodeToString(signedInfo.getBytes(StandardCharsets.UTF_8)));
        list.addObject().put("name", "timestamp").put("valueString", now());
        list.addObject().put("name", "algorithm").put("valueString", "RS1");
        counters.applied(EpsOperation.PREPARE, 1);
        return EpsReply.ok(parameters);
    }

    /**
     * prescription-order: stored as "To be Dispensed" and answered with the informational OperationOutcome; without a
     * signature 400 MISSING_DIGITAL_SIGNATURE; an ID already stored 400 DUPLICATE_PRESCRIPTION_ID, whether or not the
     * content is the same (recorded in {@link EpsCounters#duplicateOrders()}).
     */
    EpsReply order(ObjectNode bundle, String requestId) {
        PrescriptionOrder order = PrescriptionOrder.read(bundle);
        if (!order.signed()) {
            throw EpsError.missingDigitalSignature();
        }
        counters.orderDelivered(order.prescriptionId());
        Optional<StoredPrescription> existing = store.get(order.prescriptionId());
        if (existing.isPresent()) {
            // digests only when comparing: the canonical form costs more than the rest of an order
            boolean same = MessageBundles.contentDigest(existing.get().order()).equals(MessageBundles.contentDigest(bundle));
            counters.duplicate(new EpsCounters.DuplicateOrder(order.prescriptionId(), requestId, same));
            throw EpsError.duplicatePrescriptionId();
        }
        store.put(new StoredPrescription(order.prescriptionId(), bundle, order.nhsNumber(), order.nominatedPharmacy(),
                order.authoredOn(), order.itemNumbers(), clock.instant()));
        counters.stored(order.prescriptionId(), order.itemNumbers());
        counters.applied(EpsOperation.ORDER, 1);
        return EpsReply.informational();
    }

    /**
     * prescription-order-update (cancel): MedicationRequests with status {@code cancelled} and a {@code statusReason}.
     * Unknown prescription 400 R-0008; a malformed request 400 R-5000; otherwise 200 with the response Bundle whose
     * MedicationRequests carry the outcome R-0001 (cancelled) … R-0006 (already cancelled), as the 200 table says:
     * "both successful and unsuccessful cancel responses will be successfully processed".
     */
    EpsReply cancel(ObjectNode bundle) {
        List<JsonNode> requests = MessageBundles.resources(bundle, "MedicationRequest");
        if (requests.isEmpty()) {
            throw EpsError.cancelInvalid("Bundle must contain at least one MedicationRequest");
        }
        for (JsonNode request : requests) {
            if (!"cancelled".equals(request.path("status").asText()) || request.path("statusReason").path("coding").isEmpty()) {
                throw EpsError.cancelInvalid("MedicationRequest.status must be 'cancelled' with a statusReason");
            }
        }
        String id;
        try {
            id = MessageBundles.prescriptionId(requests);
        } catch (EpsError e) {
            throw EpsError.cancelInvalid(e.display());
        }
        if (PrescriptionIds.problem(id).isPresent()) {
            throw EpsError.cancelInvalid(PrescriptionIds.problem(id).get());
        }
        StoredPrescription stored = store.get(id).orElseThrow(EpsError::cancelNotFound);
        CancelOutcome outcome = CancelOutcome.apply(stored);
        if (outcome == CancelOutcome.CANCELLED) {
            counters.applied(EpsOperation.CANCEL, 1);
        }
        return EpsReply.ok(CancelOutcome.responseBundle(bundle, outcome, now()));
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).format(TIMESTAMP);
    }

    static void requireEvent(ObjectNode bundle, String expected) {
        String event = MessageBundles.messageEvent(bundle);
        if (!expected.equals(event)) {
            throw EpsError.invalidValue("MessageHeader.eventCoding.code must be '" + expected + "', not '" + event + "'");
        }
    }

    static String newUuid() {
        return UUID.randomUUID().toString();
    }
}
