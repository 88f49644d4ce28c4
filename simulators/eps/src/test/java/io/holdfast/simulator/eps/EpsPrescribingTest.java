package io.holdfast.simulator.eps;

import static io.holdfast.simulator.eps.EpsClient.code;
import static io.holdfast.simulator.eps.EpsClient.coding;
import static io.holdfast.simulator.eps.EpsClient.json;
import static io.holdfast.simulator.eps.EpsMessages.PRESCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * $prepare (1-Prepare-Response-200_OK.json: Parameters digest / timestamp / algorithm) and
 * $process-message#prescription-order-update (the 200 table R-0001 … R-0006, 4XX R-0008 and R-5000;
 * cancellations/2-Process-Response-Cancel-200_OK.json).
 */
class EpsPrescribingTest {
    private static final String PROCESS = "/$process-message";
    private final EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.builder()
            .clock(Clock.fixed(Instant.parse("2022-03-03T01:13:03Z"), ZoneOffset.UTC)).build());
    private final EpsClient client = new EpsClient(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void prepareAnswersTheSignatureParametersAndStoresNothing() {
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        ((ArrayNode) order.get("entry")).remove(3);
        HttpResponse<String> r = client.post("/$prepare", order);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode parameters = json(r);
        assertThat(parameters.path("resourceType").asText()).isEqualTo("Parameters");
        assertThat(parameters.path("parameter").findValuesAsText("name")).containsExactly("digest", "timestamp", "algorithm");
        String signedInfo = new String(Base64.getDecoder().decode(parameters.path("parameter").path(0).path("valueString").asText()),
                StandardCharsets.UTF_8);
        assertThat(signedInfo).startsWith("<SignedInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">").contains("<DigestValue>")
                .endsWith("</SignedInfo>");
        assertThat(parameters.path("parameter").path(1).path("valueString").asText()).isEqualTo("2022-03-03T01:13:03+00:00");
        assertThat(parameters.path("parameter").path(2).path("valueString").asText()).isEqualTo("RS1");
        assertThat(sim.counters().storedPrescriptions()).isZero();
        assertThat(sim.counters().applied(EpsOperation.PREPARE)).isEqualTo(1);
    }

    @Test
    void theDigestIsTheSameForTheSameOrderAndDiffersForAnother() {
        ObjectNode order = EpsMessages.order(PRESCRIPTION, "item-1", "FCG71", "Paracetamol");
        String first = digest(client.post("/$prepare", order));
        ObjectNode signed = order.deepCopy();
        assertThat(digest(client.post("/$prepare", signed))).isEqualTo(first);
        assertThat(digest(client.post("/$prepare", EpsMessages.order(PRESCRIPTION, "item-1", "FCG71", "Salbutamol")))).isNotEqualTo(first);
    }

    @Test
    void prepareChecksTheOrderLikeProcessMessage() {
        HttpResponse<String> r = client.post("/$prepare", EpsMessages.order("EB8B1F-A83008-42DC8M"));
        assertThat(code(r)).isEqualTo("FAILURE_TO_PROCESS_MESSAGE");
        assertThat(code(client.post("/$prepare", EpsMessages.cancel(PRESCRIPTION)))).isEqualTo("INVALID_VALUE");
    }

    @Test
    void cancellingAPrescriptionToBeDispensedIsR0001AndCancelsIt() {
        ObjectNode order = EpsMessages.order(PRESCRIPTION);
        client.post(PROCESS, order);
        ObjectNode cancel = EpsMessages.cancel(PRESCRIPTION);
        HttpResponse<String> r = client.post(PROCESS, cancel);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode bundle = json(r);
        assertThat(bundle.path("type").asText()).isEqualTo("message");
        JsonNode header = bundle.path("entry").path(0).path("resource");
        assertThat(header.path("eventCoding").path("code").asText()).isEqualTo("prescription-order-response");
        assertThat(header.path("response").path("code").asText()).isEqualTo("ok");
        assertThat(header.path("response").path("identifier").asText()).isEqualTo(cancel.path("identifier").path("value").asText());
        assertThat(cancelCode(bundle)).isEqualTo("R-0001");
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0005");
        assertThat(sim.counters().applied(EpsOperation.CANCEL)).isEqualTo(1);
        HttpResponse<String> again = client.post(PROCESS, EpsMessages.cancel(PRESCRIPTION));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(cancelCode(json(again))).isEqualTo("R-0006");
        assertThat(json(again).path("entry").path(0).path("resource").path("response").path("code").asText()).isEqualTo("fatal-error");
        assertThat(sim.counters().applied(EpsOperation.CANCEL)).isEqualTo(1);
    }

    @Test
    void cancellingAnUnknownPrescriptionIsR0008() {
        HttpResponse<String> r = client.post(PROCESS, EpsMessages.cancel(PRESCRIPTION));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("R-0008");
        assertThat(coding(r).path("display").asText()).isEqualTo("Prescription or item not found");
    }

    @Test
    void cancellingADownloadedPrescriptionMarksItR0002AndADispensedOneIsR0004() {
        client.post(PROCESS, EpsMessages.order(PRESCRIPTION));
        client.post("/Task/$release", EpsMessages.release(EpsMessages.NOMINATED, null));
        assertThat(cancelCode(json(client.post(PROCESS, EpsMessages.cancel(PRESCRIPTION))))).isEqualTo("R-0002");
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0002");
        client.post(PROCESS, EpsMessages.dispense(PRESCRIPTION, EpsMessages.NOMINATED, "0006"));
        HttpResponse<String> dispensed = client.post(PROCESS, EpsMessages.cancel(PRESCRIPTION));
        assertThat(dispensed.statusCode()).isEqualTo(200);
        assertThat(cancelCode(json(dispensed))).isEqualTo("R-0004");
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0006");
    }

    @Test
    void cancellingAPartlyDispensedPrescriptionIsR0003() {
        client.post(PROCESS, EpsMessages.order(PRESCRIPTION));
        client.post("/Task/$release", EpsMessages.release(EpsMessages.NOMINATED, null));
        client.post(PROCESS, EpsMessages.dispense(PRESCRIPTION, EpsMessages.NOMINATED, "0003"));
        assertThat(cancelCode(json(client.post(PROCESS, EpsMessages.cancel(PRESCRIPTION))))).isEqualTo("R-0003");
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0003");
    }

    @Test
    void aCancelWhoseItemsAreNotCancelledIsR5000() {
        client.post(PROCESS, EpsMessages.order(PRESCRIPTION));
        ObjectNode cancel = EpsMessages.cancel(PRESCRIPTION);
        ((ObjectNode) cancel.path("entry").path(1).path("resource")).put("status", "active");
        HttpResponse<String> r = client.post(PROCESS, cancel);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("R-5000");
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0001");
    }

    private static String digest(HttpResponse<String> prepare) {
        return json(prepare).path("parameter").path(0).path("valueString").asText();
    }

    private static String cancelCode(JsonNode bundle) {
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            if (resource.path("resourceType").asText().equals("MedicationRequest")) {
                return resource.path("extension").findValue("valueCoding").path("code").asText();
            }
        }
        return "";
    }
}
