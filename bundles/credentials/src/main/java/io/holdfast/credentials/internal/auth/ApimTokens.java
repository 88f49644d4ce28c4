package io.holdfast.credentials.internal.auth;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.internal.material.Material;
import io.holdfast.credentials.internal.vault.Unsealed;
import io.holdfast.credentials.internal.vault.VaultReader;
import io.holdfast.credentials.internal.vault.VersionKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens of the NHS API platform for a system: signs a client assertion with the system's
 * JWT signing key and API key, posts it (with extra form fields for a token exchange), and caches
 * the token per system and vault versions until shortly before {@code expires_in}. A rotation
 * (new active version) or {@link #invalidate} fetches a new one.
 */
final class ApimTokens {
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Logger LOG = LoggerFactory.getLogger(ApimTokens.class);

    private final VaultReader vault;
    private final MaterialGuard guard;
    private final SslContexts contexts;
    private final ApimSettings settings;
    private final TokenClient client = new TokenClient();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<Optional<VersionKey>, HttpClient> httpClients = new ConcurrentHashMap<>();

    ApimTokens(VaultReader vault, MaterialGuard guard, SslContexts contexts, ApimSettings settings) {
        this.vault = vault;
        this.guard = guard;
        this.contexts = contexts;
        this.settings = settings;
    }

    private record Cached(List<Object> versions, String token, Instant reuseUntil, Optional<SSLContext> tls,
                          CredentialIdentity identity) {
        @Override
        public String toString() {
            return "Cached[" + identity.describe() + " until " + reuseUntil + "]";
        }
    }

    /**
     * @param cacheKey  distinguishes tokens of one system (e.g. per CIS2 user); starts with the system id
     * @param extraForm grant_type and any further fields; the client assertion is added here
     */
    AuthMaterial.Headers token(DownstreamSystem system, String cacheKey, Map<String, String> extraForm) {
        String user = "System '" + system.id() + "'";
        Unsealed apiKey = vault.require(system, CredentialKind.API_KEY);
        Unsealed signingKey = guard.requireUsable(user, vault.require(system, CredentialKind.JWT_SIGNING_KEY));
        Optional<Unsealed> trust = vault.optional(system, CredentialKind.TRUST_ANCHORS);
        List<Object> versions = Arrays.asList(apiKey.key(), signingKey.key(), trust.map(Unsealed::key).orElse(null));
        Cached cached = usable(cacheKey, versions);
        if (cached == null) {
            synchronized (locks.computeIfAbsent(system.id(), k -> new Object())) {
                cached = usable(cacheKey, versions);
                if (cached == null) {
                    cached = fetch(system, user, apiKey, signingKey, trust, versions, extraForm);
                    cache.put(cacheKey, cached);
                }
            }
        }
        return new AuthMaterial.Headers(Map.of("Authorization", "Bearer " + cached.token()), cached.tls(), cached.reuseUntil(),
                cached.identity());
    }

    private Cached usable(String cacheKey, List<Object> versions) {
        Cached c = cache.get(cacheKey);
        return c != null && c.versions().equals(versions) && guard.now().isBefore(c.reuseUntil()) ? c : null;
    }

    private Cached fetch(DownstreamSystem system, String user, Unsealed apiKey, Unsealed signingKey, Optional<Unsealed> trust,
                         List<Object> versions, Map<String, String> extraForm) {
        Instant now = guard.now();
        URI tokenUrl = settings.tokenUrl(system);
        Material.JwtKey key = (Material.JwtKey) signingKey.material();
        String apiKeyValue = ((Material.Text) apiKey.material()).value().reveal();
        Map<String, String> form = new LinkedHashMap<>(extraForm);
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", ClientAssertions.sign(key.privateKey(), key.kid(), apiKeyValue, tokenUrl.toString(), now,
                settings.assertionLifetime()));
        Optional<SSLContext> tls = trust.map(t -> contexts.context(Optional.empty(), Optional.of(t), now));
        HttpClient http = httpClients.computeIfAbsent(trust.map(Unsealed::key), k -> httpClient(tls));
        TokenClient.TokenResponse response = client.post(http, tokenUrl, form, settings.timeout(), user);
        Instant reuseUntil = now.plus(settings.reuseFor(response.expiresInSeconds()));
        LOG.debug("Access token for system {} via {} ({}), expires_in {} s", system.id(), tokenUrl, signingKey.identity().describe(),
                response.expiresInSeconds());
        return new Cached(versions, response.accessToken(), reuseUntil, tls, signingKey.identity());
    }

    private HttpClient httpClient(Optional<SSLContext> tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER);
        tls.ifPresent(b::sslContext);
        return b.build();
    }

    /** Drops one cached token (one system and user, as given to {@link #token}). */
    void invalidate(String cacheKey) {
        cache.remove(cacheKey);
    }

    /** Drops every cached token of the system (all users). */
    void invalidate(DownstreamSystem system) {
        List<String> keys = new ArrayList<>(cache.keySet());
        keys.stream().filter(k -> k.equals(system.id()) || k.startsWith(system.id() + "|")).forEach(cache::remove);
    }
}
