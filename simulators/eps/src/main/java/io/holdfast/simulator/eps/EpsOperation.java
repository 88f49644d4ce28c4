package io.holdfast.simulator.eps;

/** The operations the simulator counts (see {@link EpsCounters#applied(EpsOperation)}). */
public enum EpsOperation {
    /** {@code POST /FHIR/R4/$prepare} answered with the signature digest. */
    PREPARE,
    /** {@code $process-message} prescription-order: a prescription stored. */
    ORDER,
    /** {@code $process-message} prescription-order-update: a prescription cancelled (R-0001). */
    CANCEL,
    /** {@code POST /FHIR/R4/Task/$release}: prescriptions handed to a dispenser (counted per prescription). */
    RELEASE,
    /** {@code $process-message} dispense-notification: a dispense recorded. */
    DISPENSE_NOTIFICATION,
    /** {@code POST /FHIR/R4/Claim}: a claim recorded. */
    CLAIM,
    /** {@code GET /FHIR/R4/Task}: a tracker query answered. */
    TRACKER_QUERY
}
