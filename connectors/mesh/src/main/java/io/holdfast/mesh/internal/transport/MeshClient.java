package io.holdfast.mesh.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.mesh.protocol.MeshHeaders;
import io.holdfast.mesh.protocol.MeshPaths;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /** One page of the inbox; {@code next} is the path MESH returned in {@code links.next}. */
    public InboxPage inbox(int maxResults, Optional<String> next) {
        String path = next.orElse(MeshPaths.inbox(mailbox) + "?max_results=" + maxResults);
        JsonNode n = http.json("inbox", () -> http.request(path).GET().build());
        List<String> ids = new ArrayList<>();
        n.path("messages").forEach(m -> ids.add(m.asText()));
        JsonNode nextLink = n.path("links").path("next");
        return new InboxPage(ids, nextLink.isTextual() ? Optional.of(nextLink.asText()) : Optional.empty(),
                n.path("approx_inbox_count").asInt(ids.size()));
    }

    /** Every message id waiting, following {@code links.next}. */
    public List<String> inboxAll(int pageSize) {
        List<String> all = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            InboxPage page = inbox(pageSize, next);
            all.addAll(page.messageIds());
            next = page.next();
        } while (next.isPresent());
        return all;
    }

    /** HEAD of an inbox message: its metadata without the content. */
    public MeshMessageHeaders head(String messageId) {
        HttpResponse<Void> r = http.send("head " + messageId, () -> http.request(MeshPaths.inboxMessage(mailbox, messageId))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        return MeshMessageHeaders.from(messageId, r.headers());
    }

    /** PUT .../status/acknowledged. Call only after the message is durable in Holdfast. */
    public void acknowledge(String messageId) {
        http.send("acknowledge " + messageId, () -> http.request(MeshPaths.acknowledge(mailbox, messageId))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public MeshTracking track(String messageId) {
        String q = MeshPaths.trackingByMessageId(mailbox) + URLEncoder.encode(messageId, StandardCharsets.UTF_8);
        return MeshTracking.from(http.json("track " + messageId, () -> http.request(q).GET().build()));
    }

    /** Tracking by the sender's {@code mex-LocalID}; empty if MESH has no such message (404). */
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
}
