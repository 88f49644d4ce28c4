package io.holdfast.credentials.internal.auth;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.OrgCredentialSource;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.internal.material.Material;
import io.holdfast.credentials.internal.vault.SlotKey;
import io.holdfast.credentials.internal.vault.Unsealed;
import io.holdfast.credentials.internal.vault.VaultReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * ORG_CREDENTIALS: HTTP basic auth from the system's ORG_CREDENTIAL, with TLS from its KEY_PAIR (client
 * certificate) and/or TRUST_ANCHORS when the entry holds them. Protocols that build their own header
 * from the parts (MESH) use {@link OrgCredentialSource}.
 */
@Component(service = {AuthProvider.class, OrgCredentialSource.class}, property = "holdfast.auth.pattern=ORG_CREDENTIALS")
public class OrgCredentialsAuthProvider implements AuthProvider, OrgCredentialSource {
    private final VaultReader vault;
    private final MaterialGuard guard;
    private final SslContexts contexts;

    @Activate
    public OrgCredentialsAuthProvider(@Reference VaultReader vault) {
        this(vault, Clock.systemUTC());
    }

    OrgCredentialsAuthProvider(VaultReader vault, Clock clock) {
        this.vault = vault;
        this.guard = new MaterialGuard(clock);
        this.contexts = new SslContexts();
    }

    @Override
    public AuthPattern pattern() {
        return AuthPattern.ORG_CREDENTIALS;
    }

    @Override
    public AuthMaterial authenticate(DownstreamSystem system) {
        String user = "System '" + system.id() + "'";
        Unsealed credential = vault.require(system, CredentialKind.ORG_CREDENTIAL);
        Material.OrgCredential org = (Material.OrgCredential) credential.material();
        Optional<Unsealed> keyPair = vault.optional(system, CredentialKind.KEY_PAIR).map(k -> guard.requireUsable(user, k));
        Optional<Unsealed> trust = vault.optional(system, CredentialKind.TRUST_ANCHORS);
        Optional<SSLContext> tls = keyPair.isPresent() || trust.isPresent()
                ? Optional.of(contexts.context(keyPair, trust, guard.now())) : Optional.empty();
        String basic = Base64.getEncoder().encodeToString((org.username() + ":" + org.password().reveal())
                .getBytes(StandardCharsets.UTF_8));
        return new AuthMaterial.Headers(Map.of("Authorization", "Basic " + basic), tls, guard.now().plus(ApiKeyAuthProvider.REUSE),
                credential.identity());
    }

    @Override
    public OrgCredential forSystem(DownstreamSystem system) {
        Unsealed credential = vault.require(system, CredentialKind.ORG_CREDENTIAL);
        return credential(credential, vault.optional(system, CredentialKind.SECRET));
    }

    @Override
    public OrgCredential forEntry(String environment, String entryId) {
        Unsealed credential = vault.active(new SlotKey(environment, entryId, CredentialKind.ORG_CREDENTIAL))
                .orElseThrow(() -> VaultErrors.missing("Entry " + environment + "/" + entryId, environment, entryId,
                        CredentialKind.ORG_CREDENTIAL));
        return credential(credential, vault.active(new SlotKey(environment, entryId, CredentialKind.SECRET)));
    }

    private static OrgCredential credential(Unsealed credential, Optional<Unsealed> sharedSecret) {
        Material.OrgCredential org = (Material.OrgCredential) credential.material();
        return new OrgCredential(org.username(), org.password().chars(),
                sharedSecret.map(s -> ((Material.Text) s.material()).value().chars()), credential.identity());
    }
}
