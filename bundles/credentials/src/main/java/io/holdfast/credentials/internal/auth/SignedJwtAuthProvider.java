package io.holdfast.credentials.internal.auth;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.credentials.internal.vault.VaultReader;
import java.time.Clock;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * OAUTH2_SIGNED_JWT (NHS API platform, application-restricted): client credentials with an RS512
 * client assertion; bearer token cached until shortly before {@code expires_in}. After a 401 from
 * the API, the transport calls {@link #invalidate} once and authenticates again.
 */
@Component(service = AuthProvider.class, property = "holdfast.auth.pattern=OAUTH2_SIGNED_JWT",
        configurationPid = ApimAuthConfig.PID)
@Designate(ocd = ApimAuthConfig.class)
public class SignedJwtAuthProvider implements AuthProvider {
    private final ApimTokens tokens;

    @Activate
    public SignedJwtAuthProvider(@Reference VaultReader vault, @Reference Health health, ApimAuthConfig config) {
        this(vault, Clock.systemUTC(), settings(config, health));
    }

    SignedJwtAuthProvider(VaultReader vault, Clock clock, ApimSettings settings) {
        this.tokens = new ApimTokens(vault, new MaterialGuard(clock), new SslContexts(), settings);
    }

    static ApimSettings settings(ApimAuthConfig config, Health health) {
        try {
            return ApimSettings.from(config);
        } catch (HoldfastException e) {
            health.report("auth-apim", HealthState.DOWN, e.describe());
            throw e;
        }
    }

    @Override
    public AuthPattern pattern() {
        return AuthPattern.OAUTH2_SIGNED_JWT;
    }

    @Override
    public AuthMaterial authenticate(DownstreamSystem system) {
        return tokens.token(system, system.id(), Map.of("grant_type", "client_credentials"));
    }

    @Override
    public void invalidate(DownstreamSystem system) {
        tokens.invalidate(system);
    }
}
