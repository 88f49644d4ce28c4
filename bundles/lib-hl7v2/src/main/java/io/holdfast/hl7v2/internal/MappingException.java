package io.holdfast.hl7v2.internal;

/**
 * A message that parsed but cannot be mapped (missing identifier, invalid NHS number...). Becomes
 * a {@link io.holdfast.api.message.DecodeResult.Rejected} with {@link #code()}; the message text
 * names fields, never values.
 */
final class MappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MISSING_FIELD = "MISSING_FIELD";
    static final String INVALID_NHS_NUMBER = "INVALID_NHS_NUMBER";
    static final String INVALID_VALUE = "INVALID_VALUE";

    private final String code;

    MappingException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
