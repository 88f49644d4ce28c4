package io.holdfast.credentials.internal.auth;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.UserTokenExchange;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.credentials.internal.vault.VaultReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * CIS2_USER (user-restricted): RFC 8693 token exchange of the signed-in user's CIS2 ID token plus the
 * system's client assertion; tokens are cached per system and user. Every call needs the user's token,
 * so this is deliberately <em>not</em> an {@link io.holdfast.api.spi.AuthProvider}: an unattended
 * delivery could never authenticate, and registering one made CIS2_USER systems look deliverable while
 * their outbox rows waited forever. Without a provider the inventory refuses CIS2_USER systems, so the
 * system passed in is typically the API's OAUTH2_SIGNED_JWT system (same application: API key and JWT
 * signing key), used for a user's call (e.g. a PDS update). Not yet tried against live CIS2.
 */
@Component(service = UserTokenExchange.class, property = "holdfast.auth.pattern=CIS2_USER", configurationPid = ApimAuthConfig.PID)
public class Cis2TokenExchange implements UserTokenExchange {
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
    private final ApimTokens tokens;

    @Activate
    public Cis2TokenExchange(@Reference VaultReader vault, @Reference Health health, ApimAuthConfig config) {
        this(vault, Clock.systemUTC(), SignedJwtAuthProvider.settings(config, health));
    }

    Cis2TokenExchange(VaultReader vault, Clock clock, ApimSettings settings) {
        this.tokens = new ApimTokens(vault, new MaterialGuard(clock), new SslContexts(), settings);
    }

    @Override
    public AuthMaterial.Headers exchange(DownstreamSystem system, String subjectToken) {
        requireToken(system, subjectToken);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", TOKEN_EXCHANGE);
        form.put("subject_token_type", ID_TOKEN);
        form.put("subject_token", subjectToken);
        return tokens.token(system, cacheKey(system, subjectToken), form);
    }

    /** Drops this user's cached token for {@code system} (other users' tokens stay), e.g. after a 401. */
    @Override
    public void invalidate(DownstreamSystem system, String subjectToken) {
        requireToken(system, subjectToken);
        tokens.invalidate(cacheKey(system, subjectToken));
    }

    private static void requireToken(DownstreamSystem system, String subjectToken) {
        if (subjectToken == null || subjectToken.isBlank()) {
            throw new HoldfastException(ErrorCode.AUTH_FAILED, "System '" + system.id() + "': no CIS2 ID token was given");
        }
    }

    private static String cacheKey(DownstreamSystem system, String subjectToken) {
        return system.id() + "|" + digest(subjectToken);
    }

    /** The cache key names the user by a digest of the ID token, never the token itself. */
    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
