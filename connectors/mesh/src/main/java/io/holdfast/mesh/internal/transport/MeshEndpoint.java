package io.holdfast.mesh.internal.transport;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import java.util.Optional;

/**
 * Where and as whom a client talks to MESH: base URL, mailbox id, mailbox password and the
 * environment's shared key (live secrets: never logged), and the TLS client context if any.
 */
public record MeshEndpoint(URI baseUrl, String mailboxId, String password, byte[] sharedKey, Optional<SSLContext> tls) {
    public MeshEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(mailboxId, "mailboxId");
        Objects.requireNonNull(password, "password");
        sharedKey = sharedKey.clone();
        tls = tls == null ? Optional.empty() : tls;
    }

    public URI resolve(String pathAndQuery) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    /** True if {@code uri} is on the configured server: same scheme, host and port. */
    public boolean sameOrigin(URI uri) {
        return uri.isAbsolute() && baseUrl.getScheme().equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && baseUrl.getHost().equalsIgnoreCase(uri.getHost()) && port(baseUrl) == port(uri);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    @Override
    public byte[] sharedKey() {
        return sharedKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeshEndpoint e && baseUrl.equals(e.baseUrl) && mailboxId.equals(e.mailboxId)
                && password.equals(e.password) && Arrays.equals(sharedKey, e.sharedKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, mailboxId);
    }

    @Override
    public String toString() {
        return "MeshEndpoint[" + mailboxId + " @ " + baseUrl + "]";
    }
}
