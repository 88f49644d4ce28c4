package io.holdfast.simulator.mesh;

import io.holdfast.simulator.mesh.MeshFaults.Operation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes a request to the MESH endpoint it names after the checks every endpoint shares: the
 * mailbox exists, the NHSMESH token is valid (403 otherwise), the client asks for v2 JSON.
 */
final class MeshApi {
    private final Map<String, SimulatedMailbox> mailboxes;
    private final NhsMeshAuthorization authorization;
    private final InboxEndpoints inbox;
    private final OutboxEndpoints outbox;

    MeshApi(Map<String, SimulatedMailbox> mailboxes, NhsMeshAuthorization authorization, MeshMessageStore store, MeshSimulator.Options options) {
        this.mailboxes = mailboxes;
        this.authorization = authorization;
        this.inbox = new InboxEndpoints(store, options);
        this.outbox = new OutboxEndpoints(store, mailboxes);
    }

    /** Which operation a request is, for fault injection; empty for paths MESH does not have. */
    static Optional<Operation> operation(SimRequest r) {
        List<String> s = r.segments();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.size() == 1) {
            return Optional.of(Operation.HANDSHAKE);
        }
        if (s.get(1).equals("inbox")) {
            if (s.size() == 2) {
                return Optional.of(Operation.INBOX);
            }
            return Optional.of(s.size() == 5 ? Operation.ACKNOWLEDGE : Operation.DOWNLOAD);
        }
        if (s.get(1).equals("outbox")) {
            if (s.size() >= 3 && s.get(2).equals("tracking")) {
                return Optional.of(Operation.TRACKING);
            }
            return Optional.of(s.size() == 2 ? Operation.SEND : Operation.SEND_CHUNK);
        }
        return Optional.empty();
    }

    SimResponse handle(SimRequest r) throws IOException {
        List<String> s = r.segments();
        Optional<Operation> op = operation(r);
        if (op.isEmpty()) {
            return SimResponse.error(404, null, "", "", "No such MESH endpoint: " + r.method() + " " + r.path());
        }
        String mailbox = s.get(0);
        Optional<NhsMeshAuthorization.Refusal> refusal = authorization.check(mailbox, r.header(MexHeaders.AUTHORIZATION));
        if (refusal.isPresent()) {
            return SimResponse.error(403, null, "AUTH", "403", refusal.get().description());
        }
        if (!r.header(MexHeaders.ACCEPT).orElse("").contains("mesh.v2")) {
            return SimResponse.error(406, null, "", "", "This simulator answers only Accept: " + MexHeaders.MEDIA_TYPE_V2);
        }
        SimulatedMailbox me = mailboxes.get(mailbox.toUpperCase());
        return switch (op.get()) {
            case HANDSHAKE -> handshake(r, me);
            case INBOX -> inbox.list(r, me);
            case DOWNLOAD -> r.method().equals("HEAD") ? inbox.head(s.get(2), me)
                    : inbox.download(s.get(2), s.size() == 4 ? parseChunk(s.get(3)) : 1, me, acceptsGzip(r));
            case ACKNOWLEDGE -> inbox.acknowledge(s.get(2), me);
            case SEND -> outbox.send(r, me);
            case SEND_CHUNK -> outbox.sendChunk(r, s.get(2), parseChunk(s.get(3)), me);
            case TRACKING -> s.size() == 4 ? outbox.trackByLocalId(s.get(3), me) : outbox.trackByMessageId(r, me);
            case ANY -> throw new IllegalStateException("ANY is not a request operation");
        };
    }

    private static boolean acceptsGzip(SimRequest r) {
        return r.header(MexHeaders.ACCEPT_ENCODING).map(v -> java.util.Arrays.stream(v.split(","))
                .map(e -> e.split(";")[0].trim()).anyMatch(e -> e.equalsIgnoreCase(MexHeaders.GZIP) || e.equals("*"))).orElse(false);
    }

    private static int parseChunk(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static SimResponse handshake(SimRequest r, SimulatedMailbox me) {
        if (!r.method().equals("POST")) {
            return SimResponse.error(405, null, "", "", "handshake is POST");
        }
        for (String h : List.of(MexHeaders.CLIENT_VERSION, MexHeaders.OS_NAME, MexHeaders.OS_VERSION)) {
            if (r.header(h).isEmpty()) {
                return SimResponse.error(400, null, "HANDSHAKE", "400", "missing required header " + h);
            }
        }
        return SimResponse.json(200, Map.of("mailbox_id", me.id()));
    }
}
