package io.holdfast.simulator.mesh;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Outbox: first POST (creates the message), further chunks, tracking by message id and by local id. */
final class OutboxEndpoints {
    private final MeshMessageStore store;
    private final Map<String, SimulatedMailbox> mailboxes;

    OutboxEndpoints(MeshMessageStore store, Map<String, SimulatedMailbox> mailboxes) {
        this.store = store;
        this.mailboxes = mailboxes;
    }

    SimResponse send(SimRequest r, SimulatedMailbox me) throws IOException {
        if (!r.method().equals("POST")) {
            return SimResponse.error(405, null, "", "", "send is POST");
        }
        Optional<String> to = r.header(MexHeaders.TO);
        if (to.isEmpty()) {
            return SimResponse.error(400, null, "SEND", "08", "TO_DTS missing");
        }
        Optional<String> workflow = r.header(MexHeaders.WORKFLOW_ID);
        if (workflow.isEmpty()) {
            return SimResponse.error(400, null, "SEND", "400", "missing required header " + MexHeaders.WORKFLOW_ID);
        }
        Optional<String> encoding = r.header(MexHeaders.CONTENT_ENCODING);
        if (encoding.isPresent() && !encoding.get().equalsIgnoreCase(MexHeaders.GZIP)) {
            return SimResponse.error(422, null, "SEND", "UnsupportedContentEncoding", "Unsupported content encoding");
        }
        Optional<ChunkRangeHeader> range = r.header(MexHeaders.CHUNK_RANGE).map(ChunkRangeHeader::parse)
                .orElse(Optional.of(ChunkRangeHeader.WHOLE_MESSAGE));
        if (range.isEmpty() || range.get().chunk() != 1) {
            return invalidChunks(null);
        }
        SimulatedMailbox recipient = mailboxes.get(to.get().toUpperCase());
        if (recipient == null) {
            return SimResponse.error(417, null, "SEND", "12", "Unregistered to address");
        }
        if (!me.registeredFor(workflow.get()) || !recipient.registeredFor(workflow.get())) {
            return SimResponse.error(403, null, "SEND", "17", "Workflow ID not registered for mailbox");
        }
        if (r.body().isEmpty() || r.bodySize() == 0) {
            return SimResponse.error(417, null, "COLLECT", "02", "Data file is missing or inaccessible.");
        }
        MeshMessageStore.NewMessage m = new MeshMessageStore.NewMessage(me.id(), recipient.id(), workflow.get(),
                r.header(MexHeaders.SUBJECT), r.header(MexHeaders.LOCAL_ID), r.header(MexHeaders.FILE_NAME),
                r.header(MexHeaders.CONTENT_CHECKSUM), encoding.map(String::toLowerCase),
                r.header(MexHeaders.CONTENT_COMPRESSED).filter("Y"::equalsIgnoreCase).isPresent(), range.get().total());
        StoredMessage stored = store.create(m, MeshMessageStore.MessageTypes.DATA);
        store.storeChunk(stored, 1, r.body().get());
        return SimResponse.json(202, Map.of("message_id", stored.messageId));
    }

    SimResponse sendChunk(SimRequest r, String messageId, int chunk, SimulatedMailbox me) throws IOException {
        if (!r.method().equals("POST")) {
            return SimResponse.error(405, messageId, "", "", "chunk upload is POST");
        }
        Optional<ChunkRangeHeader> range = r.header(MexHeaders.CHUNK_RANGE).flatMap(ChunkRangeHeader::parse);
        if (range.isEmpty() || range.get().chunk() != chunk) {
            return invalidChunks(messageId);
        }
        Optional<StoredMessage> found = store.get(messageId);
        if (found.isEmpty()) {
            return SimResponse.error(404, messageId, "SEND", "20", "Message does not exist");
        }
        StoredMessage m = found.get();
        if (!m.sender.equalsIgnoreCase(me.id())) {
            return SimResponse.error(403, messageId, "SEND", "403", "not the sender of this message");
        }
        if (m.status != MessageStatus.UPLOADING) {
            return SimResponse.error(423, messageId, "SEND", "423", "Message in unexpected status");
        }
        if (chunk > m.totalChunks || range.get().total() != m.totalChunks) {
            return SimResponse.error(406, messageId, "SEND", "406", "chunk number beyond the message's chunk total");
        }
        if (!r.header(MexHeaders.CONTENT_ENCODING).map(String::toLowerCase).equals(m.contentEncoding)) {
            return SimResponse.error(417, messageId, "SEND", "417", "cannot change content encoding");
        }
        if (r.body().isEmpty() || r.bodySize() == 0) {
            return SimResponse.error(417, messageId, "COLLECT", "02", "Data file is missing or inaccessible.");
        }
        store.storeChunk(m, chunk, r.body().get());
        return SimResponse.json(202, Map.of("message_id", messageId, "blocks_received", m.chunksReceived));
    }

    SimResponse trackByMessageId(SimRequest r, SimulatedMailbox me) {
        Optional<String> id = r.query("messageID");
        if (id.isEmpty()) {
            return SimResponse.error(400, null, "TRACK", "400", "messageID query parameter required");
        }
        Optional<StoredMessage> m = store.get(id.get()).filter(x -> x.sender.equalsIgnoreCase(me.id()));
        return m.<SimResponse>map(x -> SimResponse.json(200, tracking(x)))
                .orElseGet(() -> SimResponse.error(404, id.get(), "TRACK", "20", "Message does not exist"));
    }

    SimResponse trackByLocalId(String localId, SimulatedMailbox me) {
        return store.byLocalId(me.id(), localId).<SimResponse>map(x -> SimResponse.json(200, tracking(x)))
                .orElseGet(() -> SimResponse.error(404, null, "TRACK", "20", "Message does not exist"));
    }

    /** Tracking in the v2 shape, plus the v1 names ({@code messageId}, {@code localId}) the older form used. */
    private static Map<String, Object> tracking(StoredMessage m) {
        StoredMessage.MessageView v = m.view();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("message_id", v.messageId());
        t.put("messageId", v.messageId());
        v.localId().ifPresent(l -> {
            t.put("local_id", l);
            t.put("localId", l);
        });
        t.put("workflow_id", v.workflowId());
        v.fileName().ifPresent(f -> t.put("filename", f));
        t.put("recipient", v.recipient());
        t.put("sender", v.sender());
        t.put("status", v.status().wire());
        t.put("status_success", v.status() != MessageStatus.UNDELIVERABLE && v.status() != MessageStatus.ERROR);
        v.statusCode().ifPresent(c -> t.put("status_code", c));
        m.statusDescription.ifPresent(d -> t.put("status_description", d));
        t.put("upload_timestamp", m.createdAt.toString());
        m.acceptedAt.ifPresent(a -> t.put("expiry_time", a.plus(MeshMessageStore.EXPIRY).toString()));
        t.put("status_timestamp", m.statusAt.toString());
        t.put("chunk_count", v.totalChunks());
        t.put("file_size", v.size());
        return t;
    }

    private static SimResponse invalidChunks(String messageId) {
        return SimResponse.error(417, messageId, "SEND", "InvalidHeaderChunks",
                "Invalid chunk values sent in " + MexHeaders.CHUNK_RANGE + " header");
    }
}
