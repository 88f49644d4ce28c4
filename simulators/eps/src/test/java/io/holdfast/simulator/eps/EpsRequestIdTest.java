package io.holdfast.simulator.eps;

import static io.holdfast.simulator.eps.EpsClient.code;
import static io.holdfast.simulator.eps.EpsClient.json;
import static io.holdfast.simulator.eps.EpsMessages.PRESCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Parameters RequestID ("we use to de-duplicate repeated requests … If you re-send a failed request, use the same value"),
 * CorrelationID (mirrored) and the platform's 504 GATEWAY_TIMEOUT row ("Retry the request with identical payload"):
 * the lost-response case, where the first request took effect and only its answer was lost.
 */
class EpsRequestIdTest {
    private static final String PROCESS = "/$process-message";
    private final EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.defaults());
    private final EpsClient client = new EpsClient(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void aMissingRequestIdIsMissingFieldAndNothingIsStored() {
        HttpResponse<String> r = client.post(PROCESS, EpsClient.write(EpsMessages.order(PRESCRIPTION)), Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("MISSING_FIELD");
        assertThat(sim.counters().storedPrescriptions()).isZero();
    }

    @Test
    void aRequestIdThatIsNotAUuidIsInvalidValue() {
        HttpResponse<String> r = client.post(PROCESS, EpsMessages.order(PRESCRIPTION), "not-a-uuid");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("INVALID_VALUE");
        assertThat(r.headers().firstValue("X-Request-ID")).contains("not-a-uuid");
    }

    @Test
    void requestAndCorrelationIdsAreMirrored() {
        String requestId = EpsClient.newRequestId();
        HttpResponse<String> r = client.post(PROCESS, EpsClient.write(EpsMessages.order(PRESCRIPTION)),
                Map.of("X-Request-ID", requestId, "X-Correlation-ID", "11C46F5F-CDEF-4865-94B2-0EE0EDCC26DA"));
        assertThat(r.headers().firstValue("X-Request-ID")).contains(requestId);
        assertThat(r.headers().firstValue("X-Correlation-ID")).contains("11C46F5F-CDEF-4865-94B2-0EE0EDCC26DA");
    }

    @Test
    void aResendWithTheSameRequestIdAndBodyGetsTheRememberedAnswerAndIsNotAppliedAgain() {
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        String requestId = EpsClient.newRequestId();
        HttpResponse<String> first = client.post(PROCESS, order, requestId);
        HttpResponse<String> again = client.post(PROCESS, order, requestId.toUpperCase());
        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
        assertThat(json(again)).isEqualTo(json(first));
        assertThat(sim.counters().replayed()).isEqualTo(1);
        assertThat(sim.counters().storedTimes(PRESCRIPTION)).isEqualTo(1);
        assertThat(sim.counters().orderDeliveries(PRESCRIPTION)).isEqualTo(1);
        assertThat(sim.counters().applied(EpsOperation.ORDER)).isEqualTo(1);
        assertThat(sim.counters().duplicateOrders()).isEmpty();
    }

    @Test
    void aRememberedErrorIsAnsweredAgainToo() {
        ObjectNode unsigned = EpsMessages.order(PRESCRIPTION);
        ((com.fasterxml.jackson.databind.node.ArrayNode) unsigned.get("entry")).remove(3);
        String requestId = EpsClient.newRequestId();
        assertThat(code(client.post(PROCESS, unsigned, requestId))).isEqualTo("MISSING_DIGITAL_SIGNATURE");
        assertThat(code(client.post(PROCESS, unsigned, requestId))).isEqualTo("MISSING_DIGITAL_SIGNATURE");
        assertThat(sim.counters().replayed()).isEqualTo(1);
    }

    /** The specification publishes no error for this; the request is processed as new and counted. */
    @Test
    void theSameRequestIdOnADifferentBodyIsProcessedAsNewAndCounted() {
        String requestId = EpsClient.newRequestId();
        assertThat(client.post(PROCESS, EpsMessages.order(PRESCRIPTION), requestId).statusCode()).isEqualTo(200);
        HttpResponse<String> other = client.post(PROCESS, EpsMessages.order("5018BB-A83008-4E5885"), requestId);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(sim.counters().requestIdReused()).isEqualTo(1);
        assertThat(sim.counters().replayed()).isZero();
        assertThat(sim.counters().storedPrescriptions()).isEqualTo(2);
    }

    @Test
    void a504AfterCommitStoresTheOrderAndTheResendWithTheSameRequestIdGetsThe200() {
        sim.faults().failNextRequestsAfterCommit(1, 504);
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        String requestId = EpsClient.newRequestId();
        HttpResponse<String> lost = client.post(PROCESS, order, requestId);
        assertThat(lost.statusCode()).isEqualTo(504);
        assertThat(code(lost)).isEqualTo("GATEWAY_TIMEOUT");
        assertThat(sim.counters().storedTimes(PRESCRIPTION)).as("stored before the answer was lost").isEqualTo(1);
        HttpResponse<String> retry = client.post(PROCESS, order, requestId);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).path("issue").path(0).path("code").asText()).isEqualTo("informational");
        assertThat(sim.counters().storedTimes(PRESCRIPTION)).isEqualTo(1);
        assertThat(sim.counters().orderDeliveries(PRESCRIPTION)).isEqualTo(1);
        assertThat(sim.counters().applied(EpsOperation.ORDER)).isEqualTo(1);
        assertThat(sim.faults().injected()).isEqualTo(1);
    }

    @Test
    void a504AfterCommitResentUnderANewRequestIdIsDuplicatePrescriptionIdWithTheSameContent() {
        sim.faults().failNextRequestsAfterCommit(1, 504);
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        assertThat(client.post(PROCESS, order).statusCode()).isEqualTo(504);
        HttpResponse<String> resent = client.post(PROCESS, order);
        assertThat(code(resent)).isEqualTo("DUPLICATE_PRESCRIPTION_ID");
        assertThat(sim.counters().duplicateOrders()).singleElement().satisfies(d -> assertThat(d.sameContent()).isTrue());
        assertThat(sim.counters().orderDeliveries(PRESCRIPTION)).isEqualTo(2);
        assertThat(sim.counters().storedTimes(PRESCRIPTION)).isEqualTo(1);
    }

    @Test
    void aFaultBeforeProcessingIsNotRememberedSoTheResendIsProcessed() {
        sim.faults().failNextRequests(1, 503);
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        String requestId = EpsClient.newRequestId();
        assertThat(client.post(PROCESS, order, requestId).statusCode()).isEqualTo(503);
        assertThat(sim.counters().storedPrescriptions()).isZero();
        assertThat(client.post(PROCESS, order, requestId).statusCode()).isEqualTo(200);
        assertThat(sim.counters().replayed()).isZero();
        assertThat(sim.counters().storedTimes(PRESCRIPTION)).isEqualTo(1);
    }

    @Test
    void requestIdsAreRememberedPerApplication() {
        try (EpsSimulator apps = EpsSimulator.start(EpsSimulatorConfig.builder()
                .callers(t -> java.util.Optional.of(EpsCaller.userRestricted(t))).build())) {
            ObjectNode order = EpsMessages.order(PRESCRIPTION);
            String requestId = EpsClient.newRequestId();
            assertThat(new EpsClient(apps).with("Authorization", "Bearer app-a").post(PROCESS, order, requestId).statusCode()).isEqualTo(200);
            HttpResponse<String> other = new EpsClient(apps).with("Authorization", "Bearer app-b").post(PROCESS, order, requestId);
            assertThat(code(other)).isEqualTo("DUPLICATE_PRESCRIPTION_ID");
            assertThat(apps.counters().replayed()).isZero();
        }
    }
}
