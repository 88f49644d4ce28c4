package io.holdfast.mesh.internal.transport;

/**
 * What one poll did. {@code delivered}: new messages made durable and acknowledged;
 * {@code duplicates}: re-fed after a restart and recognised by Intake; {@code reports}: MESH error
 * reports taken in; {@code skipped}: left in the inbox (workflow not accepted, checksum refused);
 * {@code failed}: to be retried on the next poll; {@code limited}: left in the inbox by a size/chunk/gzip
 * limit or for want of disk space (each with an alert).
 */
public record PollResult(int listed, int delivered, int duplicates, int reports, int skipped, int failed, int limited) {
    public static final PollResult NONE = new PollResult(0, 0, 0, 0, 0, 0, 0);
}
