package io.holdfast.http;

import io.holdfast.api.spi.CredentialIdentity;
import java.util.Objects;

/** The result of {@link RequestAuthenticator#authenticate}. */
@org.osgi.annotation.versioning.ProviderType
public sealed interface AuthOutcome permits AuthOutcome.Authenticated, AuthOutcome.Denied {

    /**
     * The caller is known. {@code identity} is safe to journal: a certificate subject and
     * fingerprint, a token subject and key id, or an API key's name, never the secret.
     */
    record Authenticated(CredentialIdentity identity) implements AuthOutcome {
        public Authenticated {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /**
     * The caller is not authenticated.
     *
     * @param reason    why, PHI- and secret-free (for the log and the caller's 401 body)
     * @param challenge the {@code WWW-Authenticate} value for the 401, e.g. {@code Bearer error="invalid_token"}
     */
    record Denied(String reason, String challenge) implements AuthOutcome {
        public Denied {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(challenge, "challenge");
        }
    }
}
