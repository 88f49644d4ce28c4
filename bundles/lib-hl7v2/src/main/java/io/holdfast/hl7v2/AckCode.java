package io.holdfast.hl7v2;

/** MSA-1 acknowledgement codes: original mode (A*) and enhanced mode commit acknowledgements (C*). */
public enum AckCode {
    AA, AE, AR, CA, CE, CR;

    /** The outcome of handling a message, independent of the ack mode. */
    public enum Outcome {
        ACCEPTED, ERROR, REJECTED
    }

    public static AckCode of(Outcome outcome, boolean enhanced) {
        return switch (outcome) {
            case ACCEPTED -> enhanced ? CA : AA;
            case ERROR -> enhanced ? CE : AE;
            case REJECTED -> enhanced ? CR : AR;
        };
    }

    public Outcome outcome() {
        return switch (this) {
            case AA, CA -> Outcome.ACCEPTED;
            case AE, CE -> Outcome.ERROR;
            case AR, CR -> Outcome.REJECTED;
        };
    }
}
