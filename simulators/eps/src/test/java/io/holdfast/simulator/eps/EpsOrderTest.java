package io.holdfast.simulator.eps;

import static io.holdfast.simulator.eps.EpsClient.code;
import static io.holdfast.simulator.eps.EpsClient.coding;
import static io.holdfast.simulator.eps.EpsClient.display;
import static io.holdfast.simulator.eps.EpsClient.json;
import static io.holdfast.simulator.eps.EpsMessages.PRESCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * $process-message#prescription-order (electronic-prescription-service-api.yaml): 200 informational OperationOutcome,
 * the 4XX table (MISSING_DIGITAL_SIGNATURE, DUPLICATE_PRESCRIPTION_ID, FAILURE_TO_PROCESS_MESSAGE) and the API-wide
 * errors (MISSING_FIELD, INVALID_VALUE, INCORRECT_RESOURCETYPE, BAD_REQUEST).
 */
class EpsOrderTest {
    private static final String PROCESS = "/$process-message";
    private final EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.defaults());
    private final EpsClient client = new EpsClient(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void anOrderIsStoredToBeDispensedAndAnsweredInformational() {
        HttpResponse<String> r = client.post(PROCESS, EpsMessages.order(PRESCRIPTION));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/fhir+json");
        assertThat(json(r).path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(json(r).path("issue").path(0).path("severity").asText()).isEqualTo("information");
        assertThat(json(r).path("issue").path(0).path("code").asText()).isEqualTo("informational");
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0001");
        assertThat(sim.counters().storedTimes(PRESCRIPTION)).isEqualTo(1);
        assertThat(sim.counters().orderDeliveries(PRESCRIPTION)).isEqualTo(1);
        assertThat(sim.counters().applied(EpsOperation.ORDER)).isEqualTo(1);
    }

    @Test
    void theSameOrderUnderANewRequestIdIsDuplicatePrescriptionIdWithSameContentRecorded() {
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        assertThat(client.post(PROCESS, order).statusCode()).isEqualTo(200);
        ObjectNode resent = order.deepCopy();
        resent.putObject("identifier").put("system", "https://tools.ietf.org/html/rfc4122").put("value", EpsClient.newRequestId());
        String requestId = EpsClient.newRequestId();
        HttpResponse<String> r = client.post(PROCESS, resent, requestId);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("issue").path(0).path("code").asText()).isEqualTo("duplicate");
        assertThat(code(r)).isEqualTo("DUPLICATE_PRESCRIPTION_ID");
        assertThat(display(r)).isEqualTo("Duplicate prescription ID exists");
        assertThat(coding(r).path("system").asText()).isEqualTo("https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode");
        assertThat(sim.counters().duplicateOrders()).containsExactly(new EpsCounters.DuplicateOrder(PRESCRIPTION, requestId, true));
        assertThat(sim.counters().storedTimes(PRESCRIPTION)).isEqualTo(1);
        assertThat(sim.counters().orderDeliveries(PRESCRIPTION)).isEqualTo(2);
        assertThat(sim.counters().applied(EpsOperation.ORDER)).isEqualTo(1);
    }

    @Test
    void aDifferentOrderWithAStoredIdIsDuplicatePrescriptionIdWithDifferentContentRecorded() {
        assertThat(client.post(PROCESS, EpsMessages.order(PRESCRIPTION, "item-1", "FCG71", "Paracetamol")).statusCode()).isEqualTo(200);
        HttpResponse<String> r = client.post(PROCESS, EpsMessages.order(PRESCRIPTION, "item-1", "FCG71", "Salbutamol"));
        assertThat(code(r)).isEqualTo("DUPLICATE_PRESCRIPTION_ID");
        assertThat(sim.counters().duplicateOrders()).singleElement().satisfies(d -> assertThat(d.sameContent()).isFalse());
        assertThat(sim.counters().duplicatesStored()).isZero();
    }

    @Test
    void aWrongCheckCharacterIsFailureToProcessMessageAsPublished() {
        HttpResponse<String> r = client.post(PROCESS, EpsMessages.order("EB8B1F-A83008-42DC8M"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("FAILURE_TO_PROCESS_MESSAGE");
        assertThat(display(r)).isEqualTo("Unable to process message. Information missing or invalid - prescriptionID has invalid checksum");
        assertThat(coding(r).path("system").asText()).isEqualTo("https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode");
        assertThat(sim.counters().storedPrescriptions()).isZero();
    }

    @Test
    void aMalformedIdIsFailureToProcessMessage() {
        HttpResponse<String> r = client.post(PROCESS, EpsMessages.order("7fc6e3af-fb13-42e9-b6a0-d97bc3e6b76f"));
        assertThat(code(r)).isEqualTo("FAILURE_TO_PROCESS_MESSAGE");
        assertThat(display(r)).endsWith("prescriptionID has invalid format");
    }

    @Test
    void anInvalidNhsNumberIsFailureToProcessMessage() {
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        ((ObjectNode) order.path("entry").path(2).path("resource").path("identifier").path(0)).put("value", "9449304131");
        HttpResponse<String> r = client.post(PROCESS, order);
        assertThat(code(r)).isEqualTo("FAILURE_TO_PROCESS_MESSAGE");
        assertThat(display(r)).endsWith("NHS number is invalid");
    }

    @Test
    void anUnsignedOrderIsMissingDigitalSignature() {
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        ((ArrayNode) order.get("entry")).remove(3);
        HttpResponse<String> r = client.post(PROCESS, order);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("MISSING_DIGITAL_SIGNATURE");
        assertThat(sim.counters().storedPrescriptions()).isZero();
    }

    @Test
    void aBundleWithoutEntryIsMissingFieldWithThePublishedDisplay() {
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        order.remove("entry");
        HttpResponse<String> r = client.post(PROCESS, order);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("issue").path(0).path("code").asText()).isEqualTo("value");
        assertThat(code(r)).isEqualTo("MISSING_FIELD");
        assertThat(display(r)).isEqualTo("ResourceType Bundle must contain 'entry' field");
        assertThat(coding(r).path("version").asText()).isEqualTo("1");
    }

    @Test
    void itemsNamingDifferentPrescriptionsAreInvalidValue() {
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        ObjectNode second = order.path("entry").path(1).deepCopy();
        ((ObjectNode) second.path("resource").path("groupIdentifier")).put("value", "5018BB-A83008-4E5885");
        ((ArrayNode) order.get("entry")).add(second);
        HttpResponse<String> r = client.post(PROCESS, order);
        assertThat(code(r)).isEqualTo("INVALID_VALUE");
    }

    @Test
    void structuralErrorsUseTheApiWideCodes() {
        ObjectNode notABundle = EpsMessages.claim(PRESCRIPTION);
        assertThat(code(client.post(PROCESS, notABundle))).isEqualTo("INCORRECT_RESOURCETYPE");
        HttpResponse<String> notJson = client.post(PROCESS, "{not json", Map.of("X-Request-ID", EpsClient.newRequestId()));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(code(notJson)).isEqualTo("BAD_REQUEST");
        ObjectNode unknownEvent = EpsMessages.order(PRESCRIPTION);
        ((ObjectNode) unknownEvent.path("entry").path(0).path("resource").path("eventCoding")).put("code", "prescription-teleport");
        assertThat(code(client.post(PROCESS, unknownEvent))).isEqualTo("INVALID_VALUE");
        ObjectNode notAMessage = EpsMessages.order(PRESCRIPTION).put("type", "collection");
        assertThat(code(client.post(PROCESS, notAMessage))).isEqualTo("INVALID_VALUE");
        assertThat(sim.counters().storedPrescriptions()).isZero();
    }
}
