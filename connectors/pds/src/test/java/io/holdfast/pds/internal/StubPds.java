package io.holdfast.pds.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A scripted PDS endpoint on a loopback port for what the simulator cannot show: answers a test chooses one by one
 * (a 503 then a 200, a 401 then a 200, a restricted record that still carries its address), and every request's
 * headers as received.
 */
final class StubPds implements AutoCloseable {
    record Reply(int status, Map<String, String> headers, String body) {
    }

    record Seen(String method, String path, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    StubPds() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders())));
            exchange.getRequestBody().readAllBytes();
            Reply r = script.poll();
            if (r == null) {
                r = new Reply(500, Map.of(), "{\"resourceType\":\"OperationOutcome\"}");
            }
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    StubPds then(int status, String body, Map<String, String> headers) {
        script.add(new Reply(status, headers, body));
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/personal-demographics/FHIR/R4";
    }

    static String outcome(String code) {
        return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\",\"details\":{\"coding\":[{"
                + "\"system\":\"https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode\",\"version\":\"1\",\"code\":\"" + code + "\"}]}}]}";
    }

    /** A patient carrying address, telecom and GP, flagged {@code security} (U, R, V or REDACTED). */
    static String patient(String nhs, String security, int version) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + nhs + "\",\"meta\":{\"versionId\":\"" + version + "\",\"security\":[{"
                + "\"system\":\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"" + security + "\"}]},"
                + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"" + nhs + "\"}],"
                + "\"name\":[{\"use\":\"usual\",\"family\":\"Smythe\",\"given\":[\"Janet\"]}],\"gender\":\"female\",\"birthDate\":\"2005-06-16\","
                + "\"address\":[{\"use\":\"home\",\"line\":[\"1 Secret Lane\",\"Leeds\"],\"postalCode\":\"ZZ1 9ZZ\"}],"
                + "\"telecom\":[{\"system\":\"phone\",\"value\":\"07700900123\",\"use\":\"home\"}],"
                + "\"generalPractitioner\":[{\"type\":\"Organization\",\"identifier\":{\"system\":"
                + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y99999\"}}]}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
