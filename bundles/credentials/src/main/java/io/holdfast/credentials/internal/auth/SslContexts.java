package io.holdfast.credentials.internal.auth;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.credentials.internal.material.Material;
import io.holdfast.credentials.internal.vault.Unsealed;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds hardened client SSLContexts from vault material, cached per (key pair version, trust anchor
 * version): a rotation yields a new context, connections already open keep theirs.
 */
final class SslContexts {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();
    private static final int CACHED = 64;
    private final Map<List<Object>, SSLContext> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, SSLContext> eldest) {
            return size() > CACHED;
        }
    };

    /** @param keyPair empty for server authentication only; @param trust empty for the JDK's default trust store */
    synchronized SSLContext context(Optional<Unsealed> keyPair, Optional<Unsealed> trust, Instant now) {
        List<Object> key = java.util.Arrays.asList(keyPair.map(Unsealed::key).orElse(null), trust.map(Unsealed::key).orElse(null));
        SSLContext cached = cache.get(key);
        if (cached == null) {
            cached = build(keyPair.map(u -> (Material.KeyPair) u.material()), trust, now);
            cache.put(key, cached);
        }
        return cached;
    }

    private static SSLContext build(Optional<Material.KeyPair> keyPair, Optional<Unsealed> trust, Instant now) {
        try {
            KeyManagerFactory kmf = null;
            if (keyPair.isPresent()) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", keyPair.get().privateKey(), IN_MEMORY, keyPair.get().chain().toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, IN_MEMORY);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust.isPresent() ? trustStore(trust.get(), now) : null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return new HardenedSslContext(context);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new HoldfastException(ErrorCode.CREDENTIAL_INVALID, "could not build a TLS context from the vault material ("
                    + e.getClass().getSimpleName() + "); re-import it", e);
        }
    }

    /** The anchors still valid at {@code now}; none left is CREDENTIAL_EXPIRED. */
    private static KeyStore trustStore(Unsealed trust, Instant now) throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (X509Certificate anchor : ((Material.TrustAnchors) trust.material()).anchors()) {
            if (now.isBefore(anchor.getNotAfter().toInstant())) {
                store.setCertificateEntry("anchor-" + i++, anchor);
            }
        }
        if (i == 0) {
            throw new HoldfastException(ErrorCode.CREDENTIAL_EXPIRED, "every trust anchor of " + trust.key()
                    + " has expired; import current CA certificates as TRUST_ANCHORS and activate them");
        }
        return store;
    }

}
