package io.holdfast.examples.pathology.internal.codec;

/** Why a row cannot become a result: a stable code and a PHI-free reason. Never leaves the codec. */
final class RowProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MISSING_FIELD = "MISSING_FIELD";
    static final String INVALID_VALUE = "INVALID_VALUE";
    static final String INVALID_NHS_NUMBER = "INVALID_NHS_NUMBER";
    private final String code;

    RowProblem(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
