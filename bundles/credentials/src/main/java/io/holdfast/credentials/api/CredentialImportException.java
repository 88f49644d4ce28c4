package io.holdfast.credentials.api;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.util.Objects;

/** An import that stored nothing, and why. The message never contains the secret or the passphrase. */
public final class CredentialImportException extends HoldfastException {
    private static final long serialVersionUID = 1L;

    /** Why an import was refused. */
    public enum Reason {
        /** The passphrase does not open the PKCS#12 or encrypted key. */
        WRONG_PASSPHRASE,
        /** The file is encrypted and no passphrase was given. */
        PASSPHRASE_REQUIRED,
        /** Not parseable as PEM, PKCS#8, PKCS#12 or X.509. */
        MALFORMED,
        /** The private key belongs to none of the certificates given. */
        KEY_CERT_MISMATCH,
        /** A required part is missing (no key, no certificate, no kid, no user name...). */
        MISSING_PART,
        /** Something present that this kind must not hold, or several where one is needed. */
        UNEXPECTED_PART,
        /** Key algorithm or size not usable for this kind (e.g. RS512 needs RSA of at least 2048 bits). */
        UNSUPPORTED,
        /** The certificate has already expired (or is not yet valid). */
        NOT_VALID_NOW,
        /** A text value that is empty, too long or contains forbidden characters. */
        INVALID_VALUE,
        /** Environment, entry id or kind does not fit the target. */
        INVALID_TARGET
    }

    private final Reason reason;

    public CredentialImportException(Reason reason, String message) {
        this(reason, message, null);
    }

    public CredentialImportException(Reason reason, String message, Throwable cause) {
        super(ErrorCode.CREDENTIAL_INVALID, message + "; nothing was imported", cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
