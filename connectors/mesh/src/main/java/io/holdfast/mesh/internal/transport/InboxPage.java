package io.holdfast.mesh.internal.transport;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One page of an inbox listing: valid message ids, the next page's URI (resolved against this
 * page's request), MESH's approximate count, and any listed ids that are not MESH message ids.
 */
public record InboxPage(List<String> messageIds, Optional<URI> next, int approxInboxCount, List<String> invalidIds) {
    public InboxPage {
        messageIds = List.copyOf(messageIds);
        next = next == null ? Optional.empty() : next;
        invalidIds = List.copyOf(invalidIds);
    }
}
