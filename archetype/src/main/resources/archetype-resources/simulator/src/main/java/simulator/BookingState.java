package ${package}.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulated booking system holds: its outbox (messages waiting for Holdfast to fetch and acknowledge) and
 * its inbox (messages Holdfast delivered, by request id). Written from the protocol in README.md only. Thread-safe.
 */
public final class BookingState {
    /** Outcome of a delivery to the inbox, as the protocol answers it. */
    public enum Delivery { STORED, DUPLICATE, MALFORMED }

    private final Map<String, String> outbox = new LinkedHashMap<>();
    private final Map<String, String> inbox = new LinkedHashMap<>();

    /** Queues a message for Holdfast under {@code messageId}. */
    public synchronized void offer(String messageId, String message) {
        outbox.put(messageId, message);
    }

    /** Ids of waiting messages, oldest first, at most {@code limit}. */
    public synchronized List<String> waiting(int limit) {
        return outbox.keySet().stream().limit(limit).toList();
    }

    public synchronized Optional<String> message(String messageId) {
        return Optional.ofNullable(outbox.get(messageId));
    }

    /** Removes an acknowledged message; false if it was not (or no longer) waiting. */
    public synchronized boolean acknowledge(String messageId) {
        return outbox.remove(messageId) != null;
    }

    /** Takes a delivered message: each request id is stored once, so a retried delivery is not booked twice. */
    public synchronized Delivery deliver(String requestId, byte[] body) {
        if (requestId == null || requestId.isBlank()) {
            return Delivery.MALFORMED;
        }
        if (inbox.containsKey(requestId)) {
            return Delivery.DUPLICATE;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!hasField(text, "appointmentId") || !hasField(text, "issuer")) {
            return Delivery.MALFORMED;
        }
        inbox.put(requestId, text);
        return Delivery.STORED;
    }

    /** Delivered messages by request id, in arrival order. */
    public synchronized Map<String, String> received() {
        return new LinkedHashMap<>(inbox);
    }

    private static boolean hasField(String text, String key) {
        return text.lines().anyMatch(l -> l.startsWith(key + "=") && !l.substring(key.length() + 1).isBlank());
    }
}
