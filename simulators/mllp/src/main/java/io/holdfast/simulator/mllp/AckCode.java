package io.holdfast.simulator.mllp;

/**
 * MSA-1 acknowledgment codes of HL7 v2 (table 0008): original mode AA/AE/AR, enhanced mode
 * (MSH-15/16 valued) CA/CE/CR. "Error" asks the sender to try again; "reject" tells it not to.
 */
public enum AckCode {
    AA, AE, AR, CA, CE, CR;

    /** The code for an outcome in the mode the sender asked for. */
    static AckCode of(boolean enhancedMode, char outcome) {
        return valueOf((enhancedMode ? "C" : "A") + outcome);
    }

    public boolean accepted() {
        return this == AA || this == CA;
    }

    /** AE/CE: the receiver could not process the message now; a sender resends it. */
    public boolean error() {
        return this == AE || this == CE;
    }
}
