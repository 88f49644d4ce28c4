package io.holdfast.simulator.eps;

import static io.holdfast.simulator.eps.EpsClient.code;
import static io.holdfast.simulator.eps.EpsClient.json;
import static io.holdfast.simulator.eps.EpsMessages.NOMINATED;
import static io.holdfast.simulator.eps.EpsMessages.PRESCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Task/$release (nominated and patient release; 4XX RESOURCE_NOT_FOUND, PRESCRIPTION_WITH_ANOTHER_DISPENSER),
 * $process-message#dispense-notification, Claim and the Task tracker (GET /FHIR/R4/Task).
 */
class EpsDispensingTest {
    private static final String PROCESS = "/$process-message";
    private static final String RELEASE = "/Task/$release";
    private final EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.defaults());
    private final EpsClient client = new EpsClient(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void nominatedReleaseHandsOverThePharmacysPrescriptionsOnce() {
        client.post(PROCESS, EpsMessages.order(PRESCRIPTION));
        client.post(PROCESS, EpsMessages.order("5018BB-A83008-4E5885", "item-2", "VNE51", "Salbutamol"));
        HttpResponse<String> r = client.post(RELEASE, EpsMessages.release(NOMINATED, null));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode bundle = json(r);
        assertThat(bundle.path("total").asInt()).isEqualTo(1);
        assertThat(bundle.path("entry").path(0).path("resource").path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.path("entry").path(0).path("resource").findValue("groupIdentifier").path("value").asText()).isEqualTo(PRESCRIPTION);
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0002");
        assertThat(sim.dispenser(PRESCRIPTION)).contains(NOMINATED);
        assertThat(sim.businessStatus("5018BB-A83008-4E5885")).contains("0001");
        assertThat(json(client.post(RELEASE, EpsMessages.release(NOMINATED, null))).path("total").asInt()).isZero();
        assertThat(sim.counters().applied(EpsOperation.RELEASE)).isEqualTo(1);
    }

    @Test
    void nominatedReleaseReturnsAtMost25() {
        Random random = new Random(3);
        for (int i = 0; i < 30; i++) {
            client.post(PROCESS, EpsMessages.order(PrescriptionIds.generate("A83008", random)));
        }
        assertThat(json(client.post(RELEASE, EpsMessages.release(NOMINATED, null))).path("total").asInt()).isEqualTo(25);
        assertThat(json(client.post(RELEASE, EpsMessages.release(NOMINATED, null))).path("total").asInt()).isEqualTo(5);
    }

    @Test
    void patientReleaseByIdAndItsPublishedErrors() {
        assertThat(code(client.post(RELEASE, EpsMessages.release("VNE51", PRESCRIPTION)))).isEqualTo("RESOURCE_NOT_FOUND");
        client.post(PROCESS, EpsMessages.order(PRESCRIPTION));
        HttpResponse<String> r = client.post(RELEASE, EpsMessages.release("VNE51", PRESCRIPTION));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("total").asInt()).isEqualTo(1);
        assertThat(sim.dispenser(PRESCRIPTION)).contains("VNE51");
        assertThat(client.post(RELEASE, EpsMessages.release("VNE51", PRESCRIPTION)).statusCode()).isEqualTo(200);
        HttpResponse<String> other = client.post(RELEASE, EpsMessages.release(NOMINATED, PRESCRIPTION));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(code(other)).isEqualTo("PRESCRIPTION_WITH_ANOTHER_DISPENSER");
        assertThat(json(other).path("issue").path(0).path("diagnostics").asText()).contains("VNE51");
    }

    @Test
    void aReleaseWithoutOwnerOrAcceptedStatusIsRefused() {
        com.fasterxml.jackson.databind.node.ObjectNode noOwner = EpsMessages.release(NOMINATED, null);
        ((com.fasterxml.jackson.databind.node.ArrayNode) noOwner.get("parameter")).remove(0);
        assertThat(code(client.post(RELEASE, noOwner))).isEqualTo("MISSING_FIELD");
        com.fasterxml.jackson.databind.node.ObjectNode rejected = EpsMessages.release(NOMINATED, null);
        ((com.fasterxml.jackson.databind.node.ObjectNode) rejected.path("parameter").path(1)).put("valueCode", "rejected");
        assertThat(code(client.post(RELEASE, rejected))).isEqualTo("INVALID_VALUE");
        assertThat(code(client.post(RELEASE, EpsMessages.order(PRESCRIPTION)))).isEqualTo("INCORRECT_RESOURCETYPE");
    }

    @Test
    void aDispenseNotificationFromTheDispenserMarksItDispensedThenItCanBeClaimedOnce() {
        client.post(PROCESS, EpsMessages.order(PRESCRIPTION));
        assertThat(code(client.post(PROCESS, EpsMessages.dispense(PRESCRIPTION, NOMINATED, "0006"))))
                .as("not downloaded yet").isEqualTo("FAILURE_TO_PROCESS_MESSAGE");
        assertThat(code(client.post("/Claim", EpsMessages.claim(PRESCRIPTION)))).as("not dispensed").isEqualTo("FAILURE_TO_PROCESS_MESSAGE");
        client.post(RELEASE, EpsMessages.release(NOMINATED, null));
        assertThat(code(client.post(PROCESS, EpsMessages.dispense(PRESCRIPTION, "VNE51", "0006"))))
                .as("another pharmacy").isEqualTo("FAILURE_TO_PROCESS_MESSAGE");
        HttpResponse<String> partial = client.post(PROCESS, EpsMessages.dispense(PRESCRIPTION, NOMINATED, "0003"));
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0003");
        HttpResponse<String> dispensed = client.post(PROCESS, EpsMessages.dispense(PRESCRIPTION, NOMINATED, "0006"));
        assertThat(dispensed.statusCode()).isEqualTo(200);
        assertThat(json(dispensed).path("issue").path(0).path("code").asText()).isEqualTo("informational");
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0006");
        assertThat(code(client.post(PROCESS, EpsMessages.dispense(PRESCRIPTION, NOMINATED, "0006"))))
                .as("a second notification without replacementOf").isEqualTo("FAILURE_TO_PROCESS_MESSAGE");
        assertThat(sim.counters().applied(EpsOperation.DISPENSE_NOTIFICATION)).isEqualTo(2);
        assertThat(client.post("/Claim", EpsMessages.claim(PRESCRIPTION)).statusCode()).isEqualTo(200);
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0008");
        assertThat(code(client.post("/Claim", EpsMessages.claim(PRESCRIPTION)))).isEqualTo("FAILURE_TO_PROCESS_MESSAGE");
        assertThat(sim.counters().applied(EpsOperation.CLAIM)).isEqualTo(1);
    }

    @Test
    void amendmentsNeedReplacementOf() {
        client.post(PROCESS, EpsMessages.order(PRESCRIPTION));
        client.post(RELEASE, EpsMessages.release(NOMINATED, null));
        client.post(PROCESS, EpsMessages.dispense(PRESCRIPTION, NOMINATED, "0006"));
        com.fasterxml.jackson.databind.node.ObjectNode amend = EpsMessages.dispense(PRESCRIPTION, NOMINATED, "0006");
        ((com.fasterxml.jackson.databind.node.ObjectNode) amend.path("entry").path(0).path("resource")).putArray("extension").addObject()
                .put("url", "https://fhir.nhs.uk/StructureDefinition/Extension-replacementOf");
        assertThat(client.post(PROCESS, amend).statusCode()).isEqualTo(200);
        assertThat(client.post("/Claim", EpsMessages.claim(PRESCRIPTION)).statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ObjectNode claimAmend = EpsMessages.claim(PRESCRIPTION);
        claimAmend.putArray("extension").addObject().put("url", "https://fhir.nhs.uk/StructureDefinition/Extension-replacementOf");
        assertThat(client.post("/Claim", claimAmend).statusCode()).isEqualTo(200);
        assertThat(sim.counters().applied(EpsOperation.CLAIM)).isEqualTo(2);
        assertThat(sim.businessStatus(PRESCRIPTION)).contains("0008");
    }

    @Test
    void aCancelledPrescriptionCannotBeReleasedAndADispenseWithoutItemsIsMissingField() {
        client.post(PROCESS, EpsMessages.order(PRESCRIPTION));
        client.post(PROCESS, EpsMessages.cancel(PRESCRIPTION));
        assertThat(code(client.post(RELEASE, EpsMessages.release(NOMINATED, PRESCRIPTION)))).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(json(client.post(RELEASE, EpsMessages.release(NOMINATED, null))).path("total").asInt()).isZero();
        com.fasterxml.jackson.databind.node.ObjectNode empty = EpsMessages.dispense(PRESCRIPTION, NOMINATED, "0006");
        ((com.fasterxml.jackson.databind.node.ArrayNode) empty.get("entry")).remove(1);
        assertThat(code(client.post(PROCESS, empty))).isEqualTo("MISSING_FIELD");
    }

    @Test
    void dispenseAndClaimOfAnUnknownOrInvalidIdAreRefused() {
        assertThat(code(client.post(PROCESS, EpsMessages.dispense(PRESCRIPTION, NOMINATED, "0006")))).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(code(client.post("/Claim", EpsMessages.claim("EB8B1F-A83008-42DC8M")))).isEqualTo("FAILURE_TO_PROCESS_MESSAGE");
    }

    @Test
    void theTrackerAnswersTasksWithTheBusinessStatus() {
        client.post(PROCESS, EpsMessages.order(PRESCRIPTION));
        HttpResponse<String> r = client.get("/Task?identifier=" + PRESCRIPTION);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode task = json(r).path("entry").path(0).path("resource");
        assertThat(json(r).path("total").asInt()).isEqualTo(1);
        assertThat(task.path("resourceType").asText()).isEqualTo("Task");
        assertThat(task.path("businessStatus").path("coding").path(0).path("system").asText())
                .isEqualTo("https://fhir.nhs.uk/CodeSystem/EPS-task-business-status");
        assertThat(task.path("businessStatus").path("coding").path(0).path("code").asText()).isEqualTo("0001");
        assertThat(task.path("focus").path("identifier").path("value").asText()).isEqualTo(PRESCRIPTION);
        assertThat(task.path("for").path("identifier").path("value").asText()).isEqualTo(EpsMessages.NHS_NUMBER);
        assertThat(json(client.get("/Task?focus:identifier=" + PRESCRIPTION)).path("total").asInt()).isEqualTo(1);
        assertThat(json(client.get("/Task?patient:identifier=" + EpsMessages.NHS_NUMBER + "&business-status=0001")).path("total").asInt())
                .isEqualTo(1);
        assertThat(json(client.get("/Task?patient:identifier=" + EpsMessages.NHS_NUMBER + "&business-status=0006")).path("total").asInt())
                .isZero();
        assertThat(json(client.get("/Task?identifier=" + PRESCRIPTION + "&authored-on=ge2021-05-07&authored-on=le2021-05-07"))
                .path("total").asInt()).isEqualTo(1);
        assertThat(json(client.get("/Task?identifier=5018BB-A83008-4E5885")).path("total").asInt()).isZero();
    }

    @Test
    void trackerQueryErrors() {
        assertThat(code(client.get("/Task"))).isEqualTo("MISSING_FIELD");
        assertThat(code(client.get("/Task?identifier=EB8B1F-A83008-42DC8M"))).isEqualTo("INVALID_VALUE");
        assertThat(code(client.get("/Task?patient:identifier=9449304131"))).isEqualTo("INVALID_VALUE");
        assertThat(code(client.get("/Task?identifier=" + PRESCRIPTION + "&authored-on=2021-05-07"))).isEqualTo("INVALID_VALUE");
        assertThat(code(client.get("/Task?identifier=" + PRESCRIPTION + "&colour=blue"))).isEqualTo("INVALID_VALUE");
        assertThat(code(client.get("/Task?identifier=" + PRESCRIPTION + "&business-status=0042"))).isEqualTo("INVALID_VALUE");
    }
}
