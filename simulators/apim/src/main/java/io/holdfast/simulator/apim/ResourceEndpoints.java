package io.holdfast.simulator.apim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Protected resources for end-to-end checks: {@code /protected/ping} wants a bearer token the token
 * endpoint issued (401 {@code invalid_token} otherwise, which is what a client's one refresh on 401
 * reacts to), {@code /apikey/ping} wants a registered {@code apikey} header.
 */
final class ResourceEndpoints {
    private final IssuedTokens tokens;
    private final Predicate<String> knownApiKey;

    ResourceEndpoints(IssuedTokens tokens, Predicate<String> knownApiKey) {
        this.tokens = tokens;
        this.knownApiKey = knownApiKey;
    }

    SimResponse bearer(Optional<String> authorization) {
        Optional<IssuedTokens.Issued> issued = authorization.filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).trim()).flatMap(tokens::valid);
        if (issued.isEmpty()) {
            return new SimResponse(401, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""),
                    Map.of("error", "invalid_token", "error_description", "Missing, unknown or expired access token"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("application", issued.get().apiKey());
        issued.get().user().ifPresent(u -> body.put("user", u));
        return SimResponse.json(200, body);
    }

    SimResponse apiKey(Optional<String> apiKey) {
        if (apiKey.filter(knownApiKey).isEmpty()) {
            return SimResponse.json(401, Map.of("error", "invalid_api_key", "error_description", "Missing or unknown apikey header"));
        }
        return SimResponse.json(200, Map.of("status", "ok", "application", apiKey.get()));
    }
}
