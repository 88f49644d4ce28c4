package io.holdfast.fhirendpoint.internal.config;

import io.holdfast.http.FactoryConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One inbound FHIR endpoint's validated settings (factory PID {@value #FACTORY_PID}).
 *
 * @param listener     the lib-http listener that serves it ({@code io.holdfast.http.listener-<listener>.cfg})
 * @param path         base path, e.g. {@code /fhir/r4}; a resource is POSTed to {@code <path>/<Type>}, a Bundle to {@code <path>}
 * @param auth         {@code mtls}, {@code bearer} or {@code apikey}
 * @param sourceSystem source system id journaled with every message (an inventory id)
 */
public record EndpointSettings(String pid, String name, String listener, String path, String auth, MtlsSettings mtls,
                               Optional<BearerSettings> bearer, Optional<ApiKeySettings> apiKey, String sourceSystem,
                               long maxBodyBytes, Duration commitTimeout, Duration retryAfter) {
    public static final String FACTORY_PID = "io.holdfast.fhir.endpoint";
    public static final long DEFAULT_MAX_BODY = 10L * 1024 * 1024;

    /** Subjects (DN) or SHA-256 fingerprints allowed to call; empty = every certificate the listener trusts. */
    public record MtlsSettings(List<String> allowed) {
    }

    /** Exactly one of {@code jwksUrl} / {@code jwksFile}. */
    public record BearerSettings(Optional<String> jwksUrl, Optional<String> jwksFile, String issuer, String audience,
                                 List<String> algorithms, Duration jwksCacheTtl, Duration clockSkew) {
    }

    /** Key name → SHA-256 hex of the key. */
    public record ApiKeySettings(String header, Map<String, String> sha256ByName) {
    }

    public static EndpointSettings from(Map<String, ?> props) {
        FactoryConfig c = FactoryConfig.of(FACTORY_PID, props);
        String listener = c.required("listener", "the name of an HTTP listener (etc/io.holdfast.http.listener-<name>.cfg)");
        String path = c.required("path", "a path starting with /, e.g. /fhir/r4");
        if (!path.matches("/[A-Za-z0-9._~/-]*") || path.contains("//")) {
            throw c.invalid("path", "a path starting with /, e.g. /fhir/r4 (letters, digits, . _ ~ - /)", "is '" + path + "'");
        }
        String auth = c.choice("auth", "", "mtls", "bearer", "apikey");
        Optional<BearerSettings> bearer = auth.equals("bearer") ? Optional.of(bearer(c)) : Optional.empty();
        Optional<ApiKeySettings> apiKey = auth.equals("apikey") ? Optional.of(apiKey(c)) : Optional.empty();
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new EndpointSettings(c.pid(), c.name(), listener, normalised, auth, mtls(c), bearer, apiKey,
                c.string("sourceSystem", c.name()), c.number("maxBodyBytes", DEFAULT_MAX_BODY, 1, Integer.MAX_VALUE),
                c.duration("commitTimeout", Duration.ofSeconds(30)), c.duration("retryAfter", Duration.ofSeconds(5)));
    }

    /** Separated by {@code ;}: a distinguished name has commas of its own. */
    private static MtlsSettings mtls(FactoryConfig c) {
        List<String> allowed = c.list("mtlsAllowed", ";");
        for (String entry : allowed) {
            if (!entry.replace(":", "").matches("[0-9a-fA-F]{64}")) {
                try {
                    new javax.security.auth.x500.X500Principal(entry);
                } catch (IllegalArgumentException e) {
                    throw c.invalid("mtlsAllowed", "subject DNs (CN=pas,O=Trust) or SHA-256 fingerprints, separated by ;",
                            "has an entry that is neither: '" + entry + "'");
                }
            }
        }
        return new MtlsSettings(allowed);
    }

    private static BearerSettings bearer(FactoryConfig c) {
        Optional<String> url = Optional.of(c.string("jwksUrl", "")).filter(s -> !s.isEmpty());
        Optional<String> file = Optional.of(c.string("jwksFile", "")).filter(s -> !s.isEmpty());
        if (url.isPresent() == file.isPresent()) {
            throw c.invalid("jwksUrl", "exactly one of jwksUrl (https://...) or jwksFile (a path) with auth=bearer",
                    url.isPresent() ? "is set together with jwksFile" : "and jwksFile are both missing");
        }
        if (url.isPresent() && !url.get().matches("https?://.+")) {
            throw c.invalid("jwksUrl", "an https:// URL (http:// only for a loopback issuer in tests)", "is '" + url.get() + "'");
        }
        List<String> algorithms = c.list("jwtAlgorithms").isEmpty() ? List.of("RS256", "RS512", "ES256") : c.list("jwtAlgorithms");
        if (!List.of("RS256", "RS512", "ES256").containsAll(algorithms)) {
            throw c.invalid("jwtAlgorithms", "RS256, RS512, ES256 (comma-separated)", "is '" + String.join(",", algorithms) + "'");
        }
        return new BearerSettings(url, file, c.required("jwtIssuer", "the issuer (iss) tokens must carry"),
                c.required("jwtAudience", "the audience (aud) tokens must carry"), algorithms, c.duration("jwksCacheTtl", Duration.ofMinutes(10)),
                c.duration("jwtClockSkew", Duration.ofSeconds(30)));
    }

    private static ApiKeySettings apiKey(FactoryConfig c) {
        String allowed = "name:sha256hex pairs, comma-separated (the SHA-256 of each key, never the key)";
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (String entry : c.list("apiKeys")) {
            int colon = entry.indexOf(':');
            String hex = colon < 0 ? "" : entry.substring(colon + 1).trim();
            if (colon < 1 || !hex.matches("[0-9a-fA-F]{64}")) {
                // never echo the value: it may be a key pasted by mistake
                throw c.invalid("apiKeys", allowed, "has an entry that is not name:<64 hex digits>");
            }
            keys.put(entry.substring(0, colon).trim(), hex);
        }
        if (keys.isEmpty()) {
            throw c.invalid("apiKeys", allowed, "is missing");
        }
        return new ApiKeySettings(c.string("apiKeyHeader", "apikey"), keys);
    }
}
