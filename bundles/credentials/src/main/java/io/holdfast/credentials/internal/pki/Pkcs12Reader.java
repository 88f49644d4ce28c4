package io.holdfast.credentials.internal.pki;

import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialImportException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Locale;
import javax.crypto.BadPaddingException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads a PKCS#12 with BouncyCastle's key store: key entries with their chains, and trusted certificates. */
final class Pkcs12Reader {
    private static final char[] NO_PASSPHRASE = new char[0];
    private final Provider provider;
    private final JcaPEMKeyConverter keys;

    Pkcs12Reader(Provider provider, JcaPEMKeyConverter keys) {
        this.provider = provider;
        this.keys = keys;
    }

    void read(byte[] bytes, String where, char[] passphrase, ParsedParts out) throws IOException {
        char[] password = passphrase == null ? NO_PASSPHRASE : passphrase;
        KeyStore store = load(bytes, where, passphrase, password);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    out.keys.add(key(store, alias, where, password));
                    Certificate[] chain = store.getCertificateChain(alias);
                    for (Certificate c : chain == null ? new Certificate[0] : chain) {
                        out.addCertificate(CredentialParser.certificate(c.getEncoded(), where));
                    }
                } else if (store.isCertificateEntry(alias)) {
                    out.addCertificate(CredentialParser.certificate(store.getCertificate(alias).getEncoded(), where));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new CredentialImportException(Reason.MALFORMED, where + " is a PKCS#12 whose entries could not be read ("
                    + Diagnostics.safe(e) + ")", e);
        }
    }

    private KeyStore load(byte[] bytes, String where, char[] given, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12", provider);
            store.load(new ByteArrayInputStream(bytes), password);
            return store;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (wrongPassword(e)) {
                throw given == null
                        ? new CredentialImportException(Reason.PASSPHRASE_REQUIRED, where + " is a PKCS#12 protected by a passphrase, and none was given", e)
                        : new CredentialImportException(Reason.WRONG_PASSPHRASE, "the passphrase does not open the PKCS#12 in " + where, e);
            }
            throw new CredentialImportException(Reason.MALFORMED, where + " is not a readable PKCS#12 (" + Diagnostics.safe(e) + ")", e);
        }
    }

    private PrivateKey key(KeyStore store, String alias, String where, char[] password) throws GeneralSecurityException {
        try {
            Key key = store.getKey(alias, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new CredentialImportException(Reason.UNEXPECTED_PART, where + " holds a secret key entry, not a private key");
            }
            return keys.getPrivateKey(PrivateKeyInfo.getInstance(privateKey.getEncoded()));
        } catch (UnrecoverableKeyException e) {
            throw new CredentialImportException(Reason.WRONG_PASSPHRASE, "the passphrase does not decrypt the key in " + where, e);
        } catch (IOException e) {
            throw new CredentialImportException(Reason.MALFORMED, where + " holds a key that could not be converted", e);
        }
    }

    private static boolean wrongPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof UnrecoverableKeyException || t instanceof BadPaddingException
                    || message.contains("password") || message.contains("mac invalid") || message.contains("mac verification")) {
                return true;
            }
        }
        return false;
    }
}
