package io.holdfast.credentials.internal.vault;

/** One version of a slot. */
public record VersionKey(SlotKey slot, int version) {
    @Override
    public String toString() {
        return slot + " v" + version;
    }
}
