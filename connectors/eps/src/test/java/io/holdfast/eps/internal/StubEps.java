package io.holdfast.eps.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A scripted EPS on a loopback port, written for these tests from the published behaviour (not the simulator): a
 * prescription-order stores the prescription under its short-form id (digest of the body kept), a second order with a
 * known id answers 400 DUPLICATE_PRESCRIPTION_ID; faults are scripted one request at a time: {@link Fault#LOST_RESPONSE}
 * commits the order and then answers 504 (the response lost on the way back), others answer without storing.
 */
public final class StubEps implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Fault { LOST_RESPONSE, THROTTLE, MISSING_FIELD, UNAVAILABLE }

    public record Seen(String path, String requestId, String correlationId, String authorization, String bodyDigest) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    public final Map<String, String> stored = new ConcurrentHashMap<>();
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    volatile String nextAnswer;

    public StubEps() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    public StubEps fault(Fault f) {
        faults.add(f);
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/electronic-prescriptions/FHIR/R4";
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getPath().replace("/electronic-prescriptions/FHIR/R4", "");
        seen.add(new Seen(path, ex.getRequestHeaders().getFirst("X-Request-ID"), ex.getRequestHeaders().getFirst("X-Correlation-ID"),
                ex.getRequestHeaders().getFirst("Authorization"), digest(body)));
        Fault fault = faults.poll();
        if (fault == Fault.THROTTLE) {
            ex.getResponseHeaders().set("Retry-After", "1");
            reply(ex, 429, outcome("error", "throttled", "TOO_MANY_REQUESTS", "Too many requests"));
            return;
        }
        if (fault == Fault.UNAVAILABLE) {
            reply(ex, 503, outcome("error", "transient", "SERVICE_UNAVAILABLE", "Service unavailable"));
            return;
        }
        if (fault == Fault.MISSING_FIELD) {
            reply(ex, 400, outcome("error", "value", "MISSING_FIELD", "Required field missing"));
            return;
        }
        if (nextAnswer != null && !path.equals("/$process-message")) {
            reply(ex, 200, nextAnswer);
            return;
        }
        JsonNode bundle = JSON.readTree(body);
        String event = event(bundle);
        if ("prescription-order".equals(event)) {
            String id = prescriptionId(bundle);
            if (stored.putIfAbsent(id, digest(body)) != null) {
                reply(ex, 400, outcome("error", "business-rule", "DUPLICATE_PRESCRIPTION_ID", "Duplicate prescription ID exists"));
                return;
            }
        }
        if (fault == Fault.LOST_RESPONSE) {
            reply(ex, 504, "");
            return;
        }
        reply(ex, 200, outcome("information", "informational", "", "Message Sent"));
    }

    private static String event(JsonNode bundle) {
        for (JsonNode e : bundle.path("entry")) {
            if ("MessageHeader".equals(e.path("resource").path("resourceType").asText())) {
                return e.path("resource").path("eventCoding").path("code").asText();
            }
        }
        return "";
    }

    private static String prescriptionId(JsonNode bundle) {
        for (JsonNode e : bundle.path("entry")) {
            JsonNode g = e.path("resource").path("groupIdentifier").path("value");
            if (!g.isMissingNode()) {
                return g.asText();
            }
        }
        return "";
    }

    static String outcome(String severity, String code, String spineCode, String display) {
        String details = spineCode.isEmpty() ? "" : ",\"details\":{\"coding\":[{\"system\":\"https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode\","
                + "\"version\":\"1\",\"code\":\"" + spineCode + "\",\"display\":\"" + display + "\"}]}";
        return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"" + severity + "\",\"code\":\"" + code + "\"" + details
                + (spineCode.isEmpty() ? ",\"diagnostics\":\"" + display + "\"" : "") + "}]}";
    }

    private static void reply(HttpExchange ex, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/fhir+json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
