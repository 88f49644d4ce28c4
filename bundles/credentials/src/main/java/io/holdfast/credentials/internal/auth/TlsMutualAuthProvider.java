package io.holdfast.credentials.internal.auth;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.TlsMaterialSource;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.internal.vault.SlotKey;
import io.holdfast.credentials.internal.vault.Unsealed;
import io.holdfast.credentials.internal.vault.VaultReader;
import java.time.Clock;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * TLS_MUTUAL: an SSLContext from the system's active KEY_PAIR and TRUST_ANCHORS (JDK trust store if
 * the entry has none), TLS 1.2+, hostname verification on. The identity is the key pair's version
 * and leaf certificate fingerprint.
 */
@Component(service = {AuthProvider.class, TlsMaterialSource.class}, property = "holdfast.auth.pattern=TLS_MUTUAL")
public class TlsMutualAuthProvider implements AuthProvider, TlsMaterialSource {
    private final VaultReader vault;
    private final MaterialGuard guard;
    private final SslContexts contexts;

    @Activate
    public TlsMutualAuthProvider(@Reference VaultReader vault) {
        this(vault, Clock.systemUTC(), new SslContexts());
    }

    TlsMutualAuthProvider(VaultReader vault, Clock clock, SslContexts contexts) {
        this.vault = vault;
        this.guard = new MaterialGuard(clock);
        this.contexts = contexts;
    }

    @Override
    public AuthPattern pattern() {
        return AuthPattern.TLS_MUTUAL;
    }

    @Override
    public AuthMaterial authenticate(DownstreamSystem system) {
        String user = "System '" + system.id() + "'";
        Unsealed keyPair = guard.requireUsable(user, vault.require(system, CredentialKind.KEY_PAIR));
        Optional<Unsealed> trust = vault.optional(system, CredentialKind.TRUST_ANCHORS);
        return new AuthMaterial.Tls(contexts.context(Optional.of(keyPair), trust, guard.now()), keyPair.identity());
    }

    @Override
    public AuthMaterial.Tls forEntry(String environment, String entryId) {
        String user = "Entry " + environment + "/" + entryId;
        Unsealed keyPair = vault.active(new SlotKey(environment, entryId, CredentialKind.KEY_PAIR))
                .orElseThrow(() -> VaultErrors.missing(user, environment, entryId, CredentialKind.KEY_PAIR));
        guard.requireUsable(user, keyPair);
        Optional<Unsealed> trust = vault.active(new SlotKey(environment, entryId, CredentialKind.TRUST_ANCHORS));
        return new AuthMaterial.Tls(contexts.context(Optional.of(keyPair), trust, guard.now()), keyPair.identity());
    }
}
