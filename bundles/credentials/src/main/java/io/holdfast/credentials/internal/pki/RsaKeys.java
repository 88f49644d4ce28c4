package io.holdfast.credentials.internal.pki;

import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialImportException.Reason;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.util.List;

/** RS512 needs RSA; the NHS API platform asks for 4096-bit keys. */
final class RsaKeys {
    static final int MINIMUM_BITS = 2048;
    static final int RECOMMENDED_BITS = 4096;

    private RsaKeys() {
    }

    static void requireForRs512(PrivateKey key, List<String> notes) {
        if (!(key instanceof RSAKey rsa) || !"RSA".equals(key.getAlgorithm())) {
            throw new CredentialImportException(Reason.UNSUPPORTED, "RS512 client assertions need an RSA key, not " + key.getAlgorithm());
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MINIMUM_BITS) {
            throw new CredentialImportException(Reason.UNSUPPORTED, "the RSA key has " + bits + " bits; RS512 needs at least "
                    + MINIMUM_BITS + " (the NHS API platform asks for " + RECOMMENDED_BITS + ")");
        }
        if (bits < RECOMMENDED_BITS) {
            notes.add("the RSA key has " + bits + " bits; the NHS API platform asks for " + RECOMMENDED_BITS);
        }
    }
}
