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
