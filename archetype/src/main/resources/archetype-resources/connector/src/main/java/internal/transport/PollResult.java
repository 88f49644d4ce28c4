package ${package}.internal.transport;

import java.util.Optional;

/**
 * What one poll did. {@code stoppedBy} says why a poll ended before the outbox was empty (booking system
 * unreachable, Intake refused): the messages it did not take stay in the remote outbox for the next poll.
 */
public record PollResult(int listed, int accepted, int duplicates, int rejected, Optional<String> stoppedBy) {
    public static final PollResult NONE = new PollResult(0, 0, 0, 0, Optional.empty());

    /** One line for the shell and for Health. */
    public String summary() {
        return listed + " listed, " + accepted + " accepted, " + duplicates + " duplicate, " + rejected + " rejected"
                + stoppedBy.map(s -> "; stopped: " + s).orElse("");
    }
}
