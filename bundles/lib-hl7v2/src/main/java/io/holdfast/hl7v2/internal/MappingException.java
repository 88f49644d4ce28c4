package io.holdfast.hl7v2.internal;

import io.holdfast.hl7v2.Hl7v2Codec;

/**
 * A message that parsed but cannot be mapped (missing identifier, invalid NHS number...). Becomes
 * a {@link io.holdfast.api.message.DecodeResult.Rejected} with {@link #code()}; the message text
 * names fields, never values.
 */
final class MappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MISSING_FIELD = Hl7v2Codec.MISSING_FIELD;
    static final String INVALID_NHS_NUMBER = Hl7v2Codec.INVALID_NHS_NUMBER;
    static final String INVALID_VALUE = Hl7v2Codec.INVALID_VALUE;

    private final String code;

    MappingException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
