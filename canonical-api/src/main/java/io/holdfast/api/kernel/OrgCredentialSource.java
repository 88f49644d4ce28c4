package io.holdfast.api.kernel;

import io.holdfast.api.spi.CredentialIdentity;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Organisation credentials in clear, for protocols that compute their own per-request auth header
 * from them (e.g. the MESH {@code NHSMESH} header from mailbox id, password and the environment's
 * shared secret). HTTP basic users take {@link io.holdfast.api.spi.AuthMaterial.Headers} from the
 * ORG_CREDENTIALS auth provider instead.
 *
 * <p>Provided by the kernel (the credentials bundle); connectors only call it.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OrgCredentialSource {

    /**
     * The system's active ORG_CREDENTIAL (and SECRET, as shared secret, if the entry has one).
     *
     * @throws io.holdfast.api.error.HoldfastException {@code CREDENTIAL_INVALID} if the vault has none
     */
    OrgCredential forSystem(DownstreamSystem system);

    /** The same for an entry named directly (e.g. a MESH mailbox's credential ref). */
    OrgCredential forEntry(String environment, String entryId);

    /** Live secrets: never log, never store; zero the arrays when done. */
    record OrgCredential(String username, char[] password, Optional<char[]> sharedSecret, CredentialIdentity identity) {
        public OrgCredential {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
            sharedSecret = sharedSecret == null ? Optional.empty() : sharedSecret;
            Objects.requireNonNull(identity);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OrgCredential other && username.equals(other.username)
                    && Arrays.equals(password, other.password) && identity.equals(other.identity);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, identity);
        }

        /** Names the user and the vault version only: never the password or the shared secret. */
        @Override
        public String toString() {
            return "OrgCredential[" + username + ", " + identity.describe() + "]";
        }
    }
}
