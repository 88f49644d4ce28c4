package io.holdfast.simulator.eps;

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
import java.util.Locale;
import java.util.Map;

/**
 * De-duplication on {@code X-Request-ID}, which the API uses "to de-duplicate repeated requests … If you re-send a
 * failed request, use the same value in this header" (electronic-prescription-service-api.yaml, parameter RequestID),
 * and the 504 row "Retry the request with identical payload". A request from the same application with an
 * X-Request-ID already answered and the same method, URI and body gets the remembered answer. The same X-Request-ID on
 * a different request has no published error: it is processed as new and counted
 * ({@link EpsCounters#requestIdReused()}). Refusals before processing (401, 403, a bad X-Request-ID) and faults
 * injected before processing are never remembered. The most recent {@value #CAPACITY} answers are kept.
 */
final class RequestReplay {
    static final int CAPACITY = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Remembered> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Kept as JSON bytes: far smaller than a Jackson tree. */
    private record Remembered(String fingerprint, int status, byte[] json, Map<String, String> headers) {
    }

    /** What an earlier request with this id says: nothing, the same request (its answer), or a different one. */
    sealed interface Earlier permits None, Same, Different {
    }

    record None() implements Earlier {
    }

    record Same(EpsReply reply) implements Earlier {
    }

    record Different() implements Earlier {
    }

    synchronized Earlier earlier(String application, String requestId, SimulatorRequest request) {
        Remembered r = answers.get(key(application, requestId));
        if (r == null) {
            return new None();
        }
        if (!r.fingerprint().equals(fingerprint(request))) {
            return new Different();
        }
        try {
            return new Same(new EpsReply(r.status(), (ObjectNode) JSON.readTree(r.json()), r.headers()));
        } catch (IOException e) {
            throw new UncheckedIOException("a remembered answer is JSON this simulator wrote", e);
        }
    }

    synchronized void remember(String application, String requestId, SimulatorRequest request, EpsReply reply) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        answers.put(key(application, requestId), new Remembered(fingerprint(request), reply.status(), json, reply.extraHeaders()));
    }

    private static String key(String application, String requestId) {
        return application + '\n' + requestId.toLowerCase(Locale.ROOT);
    }

    private static String fingerprint(SimulatorRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {request.method(), request.uri()}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(request.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
