package io.holdfast.api.error;

/** An NHS number that is not 10 digits or fails the Modulus 11 check. The value is never echoed. */
@org.osgi.annotation.versioning.ProviderType
public final class InvalidNhsNumberException extends HoldfastException {
    private static final long serialVersionUID = 1L;

    public InvalidNhsNumberException(String reason) {
        super(ErrorCode.INVALID_NHS_NUMBER, "Invalid NHS number: " + reason);
    }
}
