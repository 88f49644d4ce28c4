package io.holdfast.eps.internal;

import io.holdfast.eps.PrescriberSignature;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** The prescriber's side in tests: signs the $prepare digest's SignedInfo with a throwaway RSA key (SHA1withRSA, as "RS1"). */
public final class TestSigner {
    private final KeyPair keys;

    public TestSigner() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
    }

    public PrescriberSignature sign(String digest, Instant at) throws Exception {
        Signature s = Signature.getInstance("SHA1withRSA");
        s.initSign(keys.getPrivate());
        s.update(Base64.getDecoder().decode(digest));
        String certificate = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        return new PrescriberSignature(digest, Base64.getEncoder().encodeToString(s.sign()), certificate, at);
    }
}
