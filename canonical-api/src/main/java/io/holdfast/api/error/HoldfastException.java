package io.holdfast.api.error;

import java.util.Objects;

/**
 * Base of every error Holdfast reports. Messages say what happened, what was kept and what to do
 * next; they never contain a payload, an NHS number or a secret.
 */
@org.osgi.annotation.versioning.ConsumerType
public class HoldfastException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode errorCode;

    public HoldfastException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public HoldfastException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** {@code HF-100 message}: the form used in logs and shell output. */
    public String describe() {
        return errorCode.code() + " " + getMessage();
    }
}
