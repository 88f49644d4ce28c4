package io.holdfast.simulator.ers;

import io.holdfast.simulator.apim.http.SimulatorRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * De-duplication on {@code X-Request-ID}: a request from the same application with an X-Request-ID already
 * answered, and otherwise the same (method, URI, If-Match, Content-Type, business function, body), gets the
 * remembered answer instead of being applied again — so a client resending after a 504 does not accept, reject
 * or create twice. Refusals before this point (401, a bad X-Request-ID, role checks) and injected faults are
 * never remembered; the answer an after-commit fault replaced is. A reused id on a different request is
 * processed as new. The most recent {@value #CAPACITY} answers are kept.
 */
final class RequestReplay {
    static final int CAPACITY = 10_000;
    private final Map<String, Remembered> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > CAPACITY;
        }
    };

    private record Remembered(String fingerprint, ErsReply reply) {
    }

    synchronized Optional<ErsReply> earlier(String application, String requestId, SimulatorRequest request) {
        Remembered r = answers.get(key(application, requestId));
        return r != null && r.fingerprint().equals(fingerprint(request)) ? Optional.of(r.reply()) : Optional.empty();
    }

    synchronized void remember(String application, String requestId, SimulatorRequest request, ErsReply reply) {
        answers.put(key(application, requestId), new Remembered(fingerprint(request), reply));
    }

    private static String key(String application, String requestId) {
        return application + '\n' + requestId.toLowerCase(Locale.ROOT);
    }

    private static String fingerprint(SimulatorRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {request.method(), request.uri(), request.header("If-Match").orElse(""),
                    request.header("Content-Type").orElse(""), request.header(ErsHeaders.BUSINESS_FUNCTION).orElse("")}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(request.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
