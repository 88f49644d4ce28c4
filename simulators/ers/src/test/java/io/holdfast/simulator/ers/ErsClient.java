package io.holdfast.simulator.ers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A raw HTTP client for the tests: wire requests as the published API describes them. By default it acts as a
 * Service Provider Clinician of the Trust R69 and sends a fresh X-Request-ID per request.
 */
final class ErsClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String fhirBase;
    private final Map<String, String> defaults = new LinkedHashMap<>();

    ErsClient(ErsSimulator sim) {
        this.fhirBase = sim.fhirBaseUrl();
        defaults.put("NHSD-eRS-Business-Function", "SERVICE_PROVIDER_CLINICIAN");
        defaults.put("NHSD-End-User-Organisation-ODS", "R69");
    }

    /** A header sent on every request (replacing a default); a null value removes it. */
    ErsClient with(String name, String value) {
        if (value == null) {
            defaults.remove(name);
        } else {
            defaults.put(name, value);
        }
        return this;
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    HttpResponse<String> get(String path) {
        return get(path, Map.of("X-Request-ID", newRequestId()));
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        return send(builder(path, headers).GET());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return HTTP.send(builder(path, Map.of("X-Request-ID", newRequestId())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST with {@code application/fhir+json} and a fresh X-Request-ID, plus {@code headers}. */
    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Request-ID", newRequestId());
        h.put("Content-Type", "application/fhir+json");
        h.putAll(headers);
        return send(builder(path, h).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> accept(String ubrn, int version) {
        return post("/STU3/ReferralRequest/" + ubrn + "/$ers.acceptReferral", "", Map.of("If-Match", "W/\"" + version + "\""));
    }

    HttpResponse<String> accept(String ubrn, int version, String requestId) {
        return post("/STU3/ReferralRequest/" + ubrn + "/$ers.acceptReferral", "",
                Map.of("If-Match", "W/\"" + version + "\"", "X-Request-ID", requestId));
    }

    private HttpRequest.Builder builder(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fhirBase + path));
        Map<String, String> all = new LinkedHashMap<>(defaults);
        all.putAll(headers);
        all.forEach(b::header);
        return b;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The eRS-APIErrorCode-1 code of an OperationOutcome answer. */
    static String errorCode(HttpResponse<String> r) {
        JsonNode coding = json(r).path("issue").path(0).path("details").path("coding").path(0);
        if (!ErsReply.ERROR_CODE_SYSTEM.equals(coding.path("system").asText())) {
            throw new AssertionError("not an eRS-OperationOutcome-1: " + r.body());
        }
        return coding.path("code").asText();
    }

    static String rejectBody(String comment) {
        return """
                {"resourceType":"Parameters","meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/eRS-RejectReferral-Parameters-1"]},
                 "parameter":[{"name":"rejectionReason","valueCoding":{"system":"https://fhir.nhs.uk/STU3/CodeSystem/APPOINTMENT-CANCELLATION-REASON","code":"SERVICE_INAPPROPRIATE"}},
                              {"name":"rejectionComments","valueString":"%s"}]}""".formatted(comment);
    }

    static String reviewOutcomeBody(String outcome, String comment) {
        return """
                {"resourceType":"Parameters","meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/eRS-RecordReviewOutcome-Parameters-1"]},
                 "parameter":[{"name":"reviewOutcome","valueCoding":{"system":"https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReviewOutcome-1","code":"%s"}},
                              {"name":"reviewComments","valueString":"%s"}]}""".formatted(outcome, comment);
    }

    static String worklistBody(String listType) {
        return """
                {"resourceType":"Parameters","meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/eRS-FetchWorklist-Parameters-1"]},
                 "parameter":[{"name":"listType","valueCodeableConcept":{"coding":[{"system":"https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReferralListSelector-1","code":"%s"}]}}]}"""
                .formatted(listType);
    }

    /** createReferral/requests/MinimalRequest.json's shape, with the given patient, service and priority. */
    static String createBody(String nhsNumber, String serviceId, String priority) {
        return createBody(nhsNumber, serviceId, priority, "CARDIOLOGY");
    }

    static String createBody(String nhsNumber, String serviceId, String priority, String specialty) {
        return """
                {"resourceType":"Parameters","meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/eRS-CreateReferral-Parameters-1"]},
                 "parameter":[{"name":"patient","valueIdentifier":{"system":"http://fhir.nhs.net/Id/nhs-number","value":"%s"}},
                  {"name":"shortlist","resource":{"resourceType":"List","status":"current","mode":"snapshot",
                   "contained":[{"resourceType":"Parameters","id":"ServiceSearchCriteria-1","parameter":[
                     {"name":"priority","valueCoding":{"system":"https://fhir.nhs.uk/STU3/CodeSystem/eRS-Priority-1","code":"%s"}},
                     {"name":"specialty","valueCoding":{"system":"https://fhir.nhs.uk/STU3/CodeSystem/SPECIALTY","code":"%s"}}]}],
                   "entry":[{"item":{"identifier":{"system":"http://fhir.nhs.net/Id/ers-service","value":"%s"}}}]}}]}"""
                .formatted(nhsNumber, priority, specialty, serviceId);
    }
}
