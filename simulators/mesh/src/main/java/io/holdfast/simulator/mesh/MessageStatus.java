package io.holdfast.simulator.mesh;

import java.util.Locale;

/** MESH message states: uploading, then accepted, then acknowledged; or undeliverable / error. */
public enum MessageStatus {
    UPLOADING, ACCEPTED, ACKNOWLEDGED, UNDELIVERABLE, ERROR;

    /** The lower-case form MESH v2 tracking uses. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
