package io.holdfast.mllp.internal.config;

/** How a listener chooses between original (AA/AE/AR) and enhanced (CA/CE/CR) acknowledgement. */
public enum AckMode {
    /** Per message: enhanced when the sender valued MSH-15 or MSH-16, else original. */
    AUTO,
    ORIGINAL,
    ENHANCED
}
