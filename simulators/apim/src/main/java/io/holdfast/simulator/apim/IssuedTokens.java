package io.holdfast.simulator.apim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens handed out, so the simulator's resource endpoints can accept or refuse them. */
final class IssuedTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    IssuedTokens(Clock clock) {
        this.clock = clock;
    }

    /** One issued token: the application, and the CIS2 user for user-restricted tokens. */
    record Issued(String apiKey, Optional<String> user, Instant expiresAt) {
    }

    String issue(String apiKey, Optional<String> user, long lifetimeSeconds) {
        byte[] bytes = new byte[21];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Issued(apiKey, user, clock.instant().plusSeconds(lifetimeSeconds)));
        return token;
    }

    Optional<Issued> valid(String token) {
        Issued issued = tokens.get(token);
        return issued != null && clock.instant().isBefore(issued.expiresAt()) ? Optional.of(issued) : Optional.empty();
    }

    void revokeAll() {
        tokens.clear();
    }
}
