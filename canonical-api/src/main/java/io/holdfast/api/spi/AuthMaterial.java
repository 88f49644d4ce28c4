package io.holdfast.api.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What a transport needs to authenticate one call, obtained from an {@link AuthProvider}. Holds
 * live secrets: never log it, never store it; only {@link #identity()} is journaled.
 */
@org.osgi.annotation.versioning.ProviderType
public sealed interface AuthMaterial permits AuthMaterial.None, AuthMaterial.Tls, AuthMaterial.Headers {

    CredentialIdentity identity();

    /** No authentication. */
    record None() implements AuthMaterial {
        @Override
        public CredentialIdentity identity() {
            return CredentialIdentity.NONE;
        }
    }

    /**
     * TLS mutual auth: an SSLContext built from the vault's key pair and trust anchors. Contexts made
     * by the credentials bundle apply TLS 1.2+ and HTTPS endpoint identification (hostname
     * verification) to every socket and engine they create; transports must create them with the
     * peer's host name ({@code createSSLEngine(host, port)} for Netty, {@code createSocket(host, port)},
     * or {@code HttpClient.newBuilder().sslContext(ctx)}), otherwise the handshake fails.
     */
    record Tls(SSLContext sslContext, CredentialIdentity identity) implements AuthMaterial {
        public Tls {
            Objects.requireNonNull(sslContext);
            Objects.requireNonNull(identity);
        }
    }

    /**
     * Headers to add (Authorization: Bearer, apikey, Basic), optionally together with TLS material
     * (a client certificate and/or the system's trust anchors; empty means the JDK's default trust),
     * and until when a caller may reuse them before authenticating again.
     */
    record Headers(Map<String, String> headers, java.util.Optional<SSLContext> tls, Instant validUntil,
                   CredentialIdentity identity) implements AuthMaterial {
        public Headers {
            headers = Map.copyOf(headers);
            tls = tls == null ? java.util.Optional.empty() : tls;
            Objects.requireNonNull(validUntil);
            Objects.requireNonNull(identity);
        }

        @Override
        public String toString() {
            return "AuthMaterial.Headers[" + headers.keySet() + ", " + identity.describe() + "]";
        }
    }
}
