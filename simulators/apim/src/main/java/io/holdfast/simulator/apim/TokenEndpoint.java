package io.holdfast.simulator.apim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /oauth2/token}: {@code client_credentials} with a signed-JWT client assertion
 * (application-restricted), and the RFC 8693 token exchange of a CIS2 ID token (user-restricted).
 */
final class TokenEndpoint {
    static final String CLIENT_CREDENTIALS = "client_credentials";
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final ClientAssertionVerifier assertions;
    private final Cis2IdentityProvider cis2;
    private final IssuedTokens tokens;
    private final ApimFaults faults;
    private final Clock clock;
    private final long expiresInSeconds;
    private final AtomicInteger requests = new AtomicInteger();

    TokenEndpoint(ClientAssertionVerifier assertions, Cis2IdentityProvider cis2, IssuedTokens tokens, ApimFaults faults,
                  Clock clock, long expiresInSeconds) {
        this.assertions = assertions;
        this.cis2 = cis2;
        this.tokens = tokens;
        this.faults = faults;
        this.clock = clock;
        this.expiresInSeconds = expiresInSeconds;
    }

    int requests() {
        return requests.get();
    }

    SimResponse handle(String contentType, String body) {
        requests.incrementAndGet();
        try {
            faults.take().ifPresent(e -> {
                throw e;
            });
            if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(FORM)) {
                throw OAuthError.invalidRequest("Content-Type must be " + FORM);
            }
            Map<String, String> form = parseForm(body);
            String grant = form.get("grant_type");
            if (grant == null || grant.isBlank()) {
                throw OAuthError.invalidRequest("Missing grant_type");
            }
            return switch (grant) {
                case CLIENT_CREDENTIALS -> issue(assertions.verify(form), Optional.empty(), false);
                case TOKEN_EXCHANGE -> exchange(form);
                default -> throw new OAuthError(400, "unsupported_grant_type",
                        "grant_type must be '" + CLIENT_CREDENTIALS + "' or '" + TOKEN_EXCHANGE + "'");
            };
        } catch (OAuthError e) {
            return SimResponse.error(e);
        }
    }

    private SimResponse exchange(Map<String, String> form) {
        if (!ID_TOKEN_TYPE.equals(form.get("subject_token_type"))) {
            throw OAuthError.invalidRequest("Missing or invalid subject_token_type - must be '" + ID_TOKEN_TYPE + "'");
        }
        String subjectToken = form.get("subject_token");
        if (subjectToken == null || subjectToken.isBlank()) {
            throw OAuthError.invalidRequest("Missing subject_token");
        }
        String apiKey = assertions.verify(form);
        return issue(apiKey, Optional.of(cis2.verify(subjectToken, apiKey)), true);
    }

    private SimResponse issue(String apiKey, Optional<String> user, boolean exchanged) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(apiKey, user, expiresInSeconds));
        body.put("expires_in", Long.toString(expiresInSeconds));
        body.put("token_type", "Bearer");
        if (exchanged) {
            body.put("issued_token_type", ACCESS_TOKEN_TYPE);
        }
        body.put("issued_at", Long.toString(clock.millis()));
        return new SimResponse(200, Map.of("Cache-Control", "no-store", "Pragma", "no-cache"), body);
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (form.putIfAbsent(name, value) != null) {
                throw OAuthError.invalidRequest("Parameter '" + name + "' is repeated");
            }
        }
        return form;
    }
}
