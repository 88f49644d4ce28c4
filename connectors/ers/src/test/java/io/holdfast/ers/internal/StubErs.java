package io.holdfast.ers.internal;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A scripted e-RS endpoint on a loopback port: answers a test chooses one by one, and every request's headers as received. */
final class StubErs implements AutoCloseable {
    record Reply(int status, Map<String, String> headers, String body) {
    }

    record Seen(String method, String path, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    StubErs() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders())));
            exchange.getRequestBody().readAllBytes();
            Reply r = script.poll();
            if (r == null) {
                r = new Reply(500, Map.of(), outcome("SERVICE_UNAVAILABLE"));
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

    StubErs then(int status, String body) {
        script.add(new Reply(status, Map.of(), body));
        return this;
    }

    String fhirBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/referrals/FHIR";
    }

    static String outcome(String code) {
        return "{\"resourceType\":\"OperationOutcome\",\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/eRS-OperationOutcome-1\"]},"
                + "\"issue\":[{\"severity\":\"error\",\"code\":\"business-rule\",\"diagnostics\":\"see the e-RS code\",\"details\":{\"coding\":[{"
                + "\"system\":\"https://fhir.nhs.uk/STU3/CodeSystem/eRS-APIErrorCode-1\",\"code\":\"" + code + "\",\"display\":\"x\"}]}}]}";
    }

    static String referral(String ubrn, int version, String state) {
        return "{\"resourceType\":\"ReferralRequest\",\"id\":\"" + ubrn + "\",\"meta\":{\"versionId\":\"" + version + "\"},\"status\":\"active\","
                + "\"intent\":\"plan\",\"subject\":{\"identifier\":{\"system\":\"http://fhir.nhs.net/Id/nhs-number\",\"value\":\"9000000009\"}},"
                + "\"extension\":[{\"url\":\"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-eRS-ReferralState-1\",\"extension\":["
                + "{\"url\":\"state\",\"valueCoding\":{\"system\":\"https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReferralState-1\",\"code\":\"" + state
                + "\",\"display\":\"x\"}}]}]}";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
