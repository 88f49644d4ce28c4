package io.holdfast.mesh.internal.transport;

import java.util.List;
import java.util.Optional;

/** One page of an inbox listing: message ids, the link to the next page, MESH's approximate count. */
public record InboxPage(List<String> messageIds, Optional<String> next, int approxInboxCount) {
    public InboxPage {
        messageIds = List.copyOf(messageIds);
        next = next == null ? Optional.empty() : next;
    }
}
