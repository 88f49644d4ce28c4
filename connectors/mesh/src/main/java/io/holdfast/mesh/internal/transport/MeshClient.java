package io.holdfast.mesh.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.mesh.protocol.MeshHeaders;
import io.holdfast.mesh.protocol.MeshMessageId;
import io.holdfast.mesh.protocol.MeshPaths;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * MESH API v2 calls for one mailbox: handshake, inbox listing with paging, message metadata,
 * acknowledge and tracking. Downloads and uploads are {@link MeshDownloader} and
 * {@link MeshUploader}, which stream.
 */
public final class MeshClient {
    public static final String CLIENT_VERSION = "holdfast-mesh/0.1";
    private final MeshHttp http;
    private final String mailbox;

    public MeshClient(MeshHttp http) {
        this.http = http;
        this.mailbox = http.endpoint().mailboxId();
    }

    public MeshHttp http() {
        return http;
    }

    public String mailbox() {
        return mailbox;
    }

    /** POST /messageexchange/{mailbox}: proves the credentials work and announces the client. */
    public void handshake() {
        http.send("handshake", () -> http.request(MeshPaths.mailbox(mailbox))
                .header(MeshHeaders.CLIENT_VERSION, CLIENT_VERSION)
                .header(MeshHeaders.OS_NAME, System.getProperty("os.name", "unknown"))
                .header(MeshHeaders.OS_VERSION, System.getProperty("os.version", "unknown"))
                .header(MeshHeaders.OS_ARCHITECTURE, System.getProperty("os.arch", "unknown"))
                .header(MeshHeaders.JAVA_VERSION, System.getProperty("java.version", "unknown"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * One page of the inbox. {@code next} is the previous page's {@code links.next}, resolved (RFC 3986)
     * against the URI of the request that returned it, so a relative, absolute-path or absolute link
     * all work; a link to another server is refused. Ids that are not MESH message ids are reported
     * apart, never used.
     */
    public InboxPage inbox(int maxResults, Optional<URI> next) {
        URI uri = next.orElseGet(() -> http.endpoint().resolve(MeshPaths.inbox(mailbox) + "?max_results=" + maxResults));
        JsonNode n = http.json("inbox", () -> http.request(uri).GET().build());
        List<String> ids = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        n.path("messages").forEach(m -> (MeshMessageId.isValid(m.asText()) ? ids : invalid).add(m.asText()));
        JsonNode nextLink = n.path("links").path("next");
        Optional<URI> following = Optional.empty();
        if (nextLink.isTextual() && !nextLink.asText().isBlank()) {
            try {
                following = Optional.of(resolve(uri, nextLink.asText().trim()));
            } catch (IllegalArgumentException e) {
                throw new MeshException(200, "", "inbox: links.next is not a URI reference", Optional.empty(), e);
            }
        }
        return new InboxPage(ids, following, n.path("approx_inbox_count").asInt(ids.size()), invalid);
    }

    /** Every message id waiting, following {@code links.next} (at most {@value #MAX_PAGES} pages, and never the same page twice). */
    public InboxListing inboxAll(int pageSize) {
        List<String> all = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        Optional<URI> next = Optional.empty();
        do {
            InboxPage page = inbox(pageSize, next);
            all.addAll(page.messageIds());
            invalid.addAll(page.invalidIds());
            next = page.next().filter(seen::add);
        } while (next.isPresent() && seen.size() < MAX_PAGES);
        return new InboxListing(all, invalid);
    }

    static final int MAX_PAGES = 10_000;

    /** The inbox as listed: valid MESH message ids, and anything else the server listed (never used in a URL or file name). */
    public record InboxListing(List<String> messageIds, List<String> invalidIds) {
    }

    /** HEAD of an inbox message: its metadata without the content. */
    public MeshMessageHeaders head(String messageId) {
        requireValid(messageId);
        HttpResponse<Void> r = http.send("head " + messageId, () -> http.request(MeshPaths.inboxMessage(mailbox, messageId))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        return MeshMessageHeaders.from(messageId, r.headers());
    }

    /** PUT .../status/acknowledged. Call only after the message is durable in Holdfast. */
    public void acknowledge(String messageId) {
        requireValid(messageId);
        http.send("acknowledge " + messageId, () -> http.request(MeshPaths.acknowledge(mailbox, messageId))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** v2 tracking by message id ({@code GET …/outbox/tracking?messageID=}), the query to use whenever the id is known. */
    public MeshTracking track(String messageId) {
        requireValid(messageId);
        String q = MeshPaths.trackingByMessageId(mailbox) + URLEncoder.encode(messageId, StandardCharsets.UTF_8);
        return MeshTracking.from(http.json("track " + messageId, () -> http.request(q).GET().build()));
    }

    /**
     * Tracking by the sender's {@code mex-LocalID} ({@code GET …/outbox/tracking/{localId}}), deprecated by
     * MESH: used only when a first POST got no answer, so the message id is unknown. Empty if MESH has
     * no such message (404).
     */
    public Optional<MeshTracking> trackByLocalId(String localId) {
        String q = MeshPaths.trackingByLocalId(mailbox, URLEncoder.encode(localId, StandardCharsets.UTF_8));
        try {
            return Optional.of(MeshTracking.from(http.json("track local id", () -> http.request(q).GET().build())));
        } catch (MeshException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * RFC 3986 section 5.2 reference resolution. {@link URI#resolve} follows RFC 2396 for a reference
     * that is only a query ({@code ?continue_from=…}) and drops the base's last path segment; RFC 3986
     * keeps the base path.
     */
    static URI resolve(URI base, String reference) {
        URI ref = URI.create(reference);
        boolean sameDocument = ref.getScheme() == null && ref.getRawAuthority() == null
                && (ref.getRawPath() == null || ref.getRawPath().isEmpty());
        if (!sameDocument) {
            return base.resolve(ref);
        }
        String query = ref.getRawQuery() != null ? ref.getRawQuery() : base.getRawQuery();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath() + (query != null ? "?" + query : ""));
    }

    static void requireValid(String messageId) {
        if (!MeshMessageId.isValid(messageId)) {
            throw MeshException.protocolViolation("MESH message id " + MeshMessageId.forLog(messageId) + " refused");
        }
    }
}
