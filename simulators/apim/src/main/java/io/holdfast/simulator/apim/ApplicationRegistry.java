package io.holdfast.simulator.apim;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Registered applications: API key → public keys by kid (what the platform's JWKS registration holds). */
final class ApplicationRegistry {
    private final Map<String, Map<String, PublicKey>> keysByApiKey = new ConcurrentHashMap<>();

    void register(String apiKey, String kid, PublicKey key) {
        keysByApiKey.computeIfAbsent(apiKey, k -> new ConcurrentHashMap<>()).put(kid, key);
    }

    boolean known(String apiKey) {
        return keysByApiKey.containsKey(apiKey);
    }

    Optional<PublicKey> key(String apiKey, String kid) {
        return Optional.ofNullable(keysByApiKey.getOrDefault(apiKey, Map.of()).get(kid));
    }
}
