package io.holdfast.hl7v2;

import java.util.Objects;

/**
 * The error an ACK reports in ERR (and MSA-3).
 *
 * @param hl7Code HL7 table 0357 code, e.g. {@code 100} segment sequence error, {@code 102} data
 *                type error, {@code 200} unsupported message type, {@code 207} application error
 * @param text    human-readable, PHI-free
 */
public record AckError(String hl7Code, String text) {
    public static final String SEGMENT_SEQUENCE = "100";
    public static final String REQUIRED_FIELD_MISSING = "101";
    public static final String DATA_TYPE = "102";
    public static final String UNSUPPORTED_MESSAGE_TYPE = "200";
    public static final String APPLICATION_ERROR = "207";

    public AckError {
        Objects.requireNonNull(hl7Code, "hl7Code");
        Objects.requireNonNull(text, "text");
    }
}
