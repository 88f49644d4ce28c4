package io.holdfast.simulator.mllp;

/** How the simulated EPR answers. */
public enum FaultMode {
    /** AA (CA in enhanced mode) straight away. */
    NONE,
    /** AA after the configured delay. */
    SLOW_ACK,
    /** Reads the message, never answers. */
    NO_ACK,
    /** AE: application error, the sender should retry. */
    AE,
    /** AR: rejected, the sender should not retry as is. */
    AR,
    /** Closes the connection on receipt, without answering. */
    DROP_CONNECTION
}
