package io.holdfast.credentials.internal.auth;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.internal.material.Material;
import io.holdfast.credentials.internal.vault.Unsealed;
import io.holdfast.credentials.internal.vault.VaultReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** API_KEY: the {@code apikey} header from the system's active API_KEY (plus its TRUST_ANCHORS, if any). */
@Component(service = AuthProvider.class, property = "holdfast.auth.pattern=API_KEY")
public class ApiKeyAuthProvider implements AuthProvider {
    /** Static credentials: callers re-authenticate this often, so a rotation reaches them. */
    static final Duration REUSE = Duration.ofMinutes(5);
    private final VaultReader vault;
    private final MaterialGuard guard;
    private final SslContexts contexts;

    @Activate
    public ApiKeyAuthProvider(@Reference VaultReader vault) {
        this(vault, Clock.systemUTC());
    }

    ApiKeyAuthProvider(VaultReader vault, Clock clock) {
        this.vault = vault;
        this.guard = new MaterialGuard(clock);
        this.contexts = new SslContexts();
    }

    @Override
    public AuthPattern pattern() {
        return AuthPattern.API_KEY;
    }

    @Override
    public AuthMaterial authenticate(DownstreamSystem system) {
        Unsealed apiKey = vault.require(system, CredentialKind.API_KEY);
        Optional<Unsealed> trust = vault.optional(system, CredentialKind.TRUST_ANCHORS);
        return new AuthMaterial.Headers(Map.of("apikey", ((Material.Text) apiKey.material()).value().reveal()),
                trust.map(t -> contexts.context(Optional.empty(), Optional.of(t), guard.now())), guard.now().plus(REUSE),
                apiKey.identity());
    }
}
