package io.holdfast.api.kernel;

import io.holdfast.api.spi.AuthMaterial;

/**
 * TLS client material of a vault entry, for connectors configured with an entry id rather than an
 * inventory system (e.g. a MESH mailbox's or an MLLP listener's TLS credential ref). Same rules as
 * the TLS_MUTUAL auth provider: the active KEY_PAIR, the entry's TRUST_ANCHORS if it has them (else
 * the JDK's), TLS 1.2+, hostname verification on, expired material refused.
 *
 * <p>Provided by the kernel (the credentials bundle); connectors only call it.
 */
@org.osgi.annotation.versioning.ProviderType
public interface TlsMaterialSource {

    /**
     * @throws io.holdfast.api.error.HoldfastException {@code CREDENTIAL_INVALID} if the entry has no
     *         active KEY_PAIR, {@code CREDENTIAL_EXPIRED} naming the certificate if it has expired
     */
    AuthMaterial.Tls forEntry(String environment, String entryId);
}
