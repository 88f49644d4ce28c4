package io.holdfast.credentials.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * POSTs a form to an OAuth 2.0 token endpoint and reads {@code access_token} and {@code expires_in}
 * (a string such as "599", or a number). Errors become {@code AUTH_FAILED} naming the endpoint and
 * the OAuth error; neither the request nor the token is ever part of a message.
 */
final class TokenClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DESCRIPTION = 200;

    /** A token and its lifetime. The token is a live secret. */
    record TokenResponse(String accessToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "TokenResponse[expires_in " + expiresInSeconds + "]";
        }
    }

    TokenResponse post(HttpClient http, URI tokenUrl, Map<String, String> form, Duration timeout, String user) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.AUTH_FAILED, user + ": could not reach the token endpoint " + tokenUrl
                    + " (" + e.getClass().getSimpleName() + "); the call will be retried", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HoldfastException(ErrorCode.AUTH_FAILED, user + ": interrupted while calling " + tokenUrl, e);
        }
        return read(response, tokenUrl, user);
    }

    private static TokenResponse read(HttpResponse<String> response, URI tokenUrl, String user) {
        JsonNode json = parse(response.body());
        if (response.statusCode() != 200) {
            String error = text(json, "error", "no OAuth error code");
            String description = text(json, "error_description", "");
            throw new HoldfastException(ErrorCode.AUTH_FAILED, user + ": the token endpoint " + tokenUrl + " answered HTTP "
                    + response.statusCode() + " " + error + (description.isEmpty() ? "" : " (" + clip(description) + ")")
                    + (response.statusCode() >= 500 ? "; the call will be retried" : "; check the API key, kid and registered public key"));
        }
        String token = text(json, "access_token", "");
        long expiresIn = expiresIn(json == null ? null : json.get("expires_in"));
        if (token.isEmpty() || expiresIn <= 0) {
            throw new HoldfastException(ErrorCode.AUTH_FAILED, user + ": the token endpoint " + tokenUrl
                    + " answered 200 without an access_token and a positive expires_in");
        }
        return new TokenResponse(token, expiresIn);
    }

    private static long expiresIn(JsonNode node) {
        if (node == null) {
            return -1;
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        try {
            return Long.parseLong(node.asText().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field, String absent) {
        return json != null && json.hasNonNull(field) ? json.get(field).asText() : absent;
    }

    private static String clip(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > MAX_DESCRIPTION ? clean.substring(0, MAX_DESCRIPTION) + "..." : clean;
    }
}
