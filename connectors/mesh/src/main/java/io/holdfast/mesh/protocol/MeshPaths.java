package io.holdfast.mesh.protocol;

/** Request paths of MESH API v2 under a base URL. */
public final class MeshPaths {
    public static final String ROOT = "/messageexchange";

    private MeshPaths() {
    }

    public static String mailbox(String mailbox) {
        return ROOT + "/" + mailbox;
    }

    public static String inbox(String mailbox) {
        return mailbox(mailbox) + "/inbox";
    }

    public static String inboxMessage(String mailbox, String messageId) {
        return inbox(mailbox) + "/" + messageId;
    }

    public static String inboxChunk(String mailbox, String messageId, int chunk) {
        return inboxMessage(mailbox, messageId) + "/" + chunk;
    }

    public static String acknowledge(String mailbox, String messageId) {
        return inboxMessage(mailbox, messageId) + "/status/acknowledged";
    }

    public static String outbox(String mailbox) {
        return mailbox(mailbox) + "/outbox";
    }

    public static String outboxChunk(String mailbox, String messageId, int chunk) {
        return outbox(mailbox) + "/" + messageId + "/" + chunk;
    }

    public static String trackingByMessageId(String mailbox) {
        return outbox(mailbox) + "/tracking?messageID=";
    }

    public static String trackingByLocalId(String mailbox, String localId) {
        return outbox(mailbox) + "/tracking/" + localId;
    }
}
