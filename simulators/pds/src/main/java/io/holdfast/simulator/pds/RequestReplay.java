package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.simulator.apim.http.SimulatorRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * De-duplication on {@code X-Request-ID}: the API uses the header "to de-duplicate repeated requests"
 * (components/schemas/XRequestID.yaml) and tells clients to resend after a 503 "using the same
 * X-Request-ID" because the first attempt may have taken effect (patient-patch.yaml, '503'). So a request
 * from the same application with an X-Request-ID already answered, and otherwise the same (method, URI,
 * If-Match, Content-Type, body), gets the remembered answer instead of being processed again. Refusals
 * before this point (401, 429, a bad X-Request-ID) and injected faults are never remembered, so the retry
 * they ask for is processed. A reused
 * X-Request-ID on a different request is processed as new (the specification does not say otherwise).
 * The most recent {@value #CAPACITY} answers are kept.
 */
final class RequestReplay {
    static final int CAPACITY = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Remembered> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The answer kept as JSON bytes: a few KB each, where a Jackson tree would take several times that. */
    private record Remembered(String fingerprint, int status, byte[] json, Optional<String> version, Map<String, String> headers) {
    }

    Optional<PdsReply> earlier(String application, String requestId, SimulatorRequest request) {
        Remembered r;
        synchronized (this) {
            r = answers.get(key(application, requestId));
        }
        if (r == null || !r.fingerprint().equals(fingerprint(request))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PdsReply(r.status(), (ObjectNode) JSON.readTree(r.json()), r.version(), r.headers()));
        } catch (IOException e) {
            throw new UncheckedIOException("a remembered answer is JSON this simulator wrote", e);
        }
    }

    void remember(String application, String requestId, SimulatorRequest request, PdsReply reply) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Remembered r = new Remembered(fingerprint(request), reply.status(), json, reply.version(), reply.extraHeaders());
        synchronized (this) {
            answers.put(key(application, requestId), r);
        }
    }

    private static String key(String application, String requestId) {
        return application + '\n' + requestId.toLowerCase(java.util.Locale.ROOT);
    }

    private static String fingerprint(SimulatorRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {request.method(), request.uri(), request.header("If-Match").orElse(""),
                    request.header("Content-Type").orElse("")}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(request.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
