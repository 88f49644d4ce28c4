package io.holdfast.eps;

import java.time.Instant;
import java.util.Objects;

/**
 * What the prescriber's signing step returned for one prescription: the {@code digest} EPS's {@code $prepare} gave
 * (base64 of the SignedInfo), the {@code signature} value and the signer's X.509 {@code certificate} (both base64, from
 * the Signing Service's {@code /SignatureResponse} or a smartcard), and when it was signed. Holdfast never signs for a
 * prescriber: it only assembles the XML-DSig the EPS specification describes and puts it in the message's Provenance.
 */
public record PrescriberSignature(String digest, String signature, String certificate, Instant signedAt) {
    public PrescriberSignature {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(signedAt, "signedAt");
    }

    @Override
    public String toString() {
        return "PrescriberSignature[signedAt=" + signedAt + "]";
    }
}
