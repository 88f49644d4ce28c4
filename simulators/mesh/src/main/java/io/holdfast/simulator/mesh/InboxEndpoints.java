package io.holdfast.simulator.mesh;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inbox list (paged), download by chunk, HEAD for metadata, acknowledge. */
final class InboxEndpoints {
    static final int DEFAULT_MAX_RESULTS = 500;
    private static final DateTimeFormatter STATUS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private final MeshMessageStore store;
    private final MeshSimulator.Options options;

    InboxEndpoints(MeshMessageStore store, MeshSimulator.Options options) {
        this.store = store;
        this.options = options;
    }

    SimResponse list(SimRequest r, SimulatedMailbox me) {
        int max;
        try {
            max = r.query("max_results").map(Integer::parseInt).orElse(DEFAULT_MAX_RESULTS);
        } catch (NumberFormatException e) {
            return SimResponse.error(400, null, "", "", "max_results must be a number");
        }
        List<StoredMessage> waiting = store.inbox(me.id());
        int start = 0;
        Optional<String> after = r.query("continue_from").map(InboxEndpoints::decodeToken);
        if (after.isPresent()) {
            for (int i = 0; i < waiting.size(); i++) {
                if (waiting.get(i).messageId.equals(after.get())) {
                    start = i + 1;
                }
            }
        }
        List<StoredMessage> page = waiting.subList(start, Math.min(waiting.size(), start + Math.max(0, max)));
        Map<String, String> links = new LinkedHashMap<>();
        String self = "/messageexchange/" + me.id() + "/inbox?max_results=" + max;
        links.put("self", self);
        if (start + page.size() < waiting.size() && !page.isEmpty()) {
            String query = "?max_results=" + max + "&continue_from=" + encodeToken(page.get(page.size() - 1).messageId);
            links.put("next", switch (options.links()) {
                case ABSOLUTE_PATH -> self + "&continue_from=" + encodeToken(page.get(page.size() - 1).messageId);
                case ABSOLUTE_URL -> "http://" + r.header(MexHeaders.HOST).orElse("127.0.0.1") + "/messageexchange/" + me.id() + "/inbox" + query;
                case RELATIVE -> "inbox" + query;
            });
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", page.stream().map(m -> m.messageId).toList());
        body.put("links", links);
        body.put("approx_inbox_count", waiting.size());
        return SimResponse.json(200, body);
    }

    SimResponse head(String messageId, SimulatedMailbox me) {
        Optional<StoredMessage> found = readable(messageId, me);
        return found.<SimResponse>map(m -> new SimResponse.Empty(200, headers(m, 1)))
                .orElseGet(() -> refusal(messageId, me));
    }

    /**
     * A chunk as stored: a message sent compressed is one gzip stream split into chunks, and each chunk
     * is served as stored with {@code Content-Encoding: gzip} — only to a client that accepts gzip (the
     * simulator is strict: 406 otherwise, since no chunk after the first can be decompressed alone). With
     * {@link MeshSimulator.Builder#compressForGzipClients}, an uncompressed chunk is gzipped on its own
     * for a client that accepts gzip, as a v2 server may do.
     */
    SimResponse download(String messageId, int chunk, SimulatedMailbox me, boolean clientAcceptsGzip) throws java.io.IOException {
        Optional<StoredMessage> found = readable(messageId, me);
        if (found.isEmpty()) {
            return refusal(messageId, me);
        }
        StoredMessage m = found.get();
        if (!m.messageType.equals(MeshMessageStore.MessageTypes.DATA)) {
            return new SimResponse.Empty(200, headers(m, 1));
        }
        if (chunk < 1 || chunk > m.totalChunks) {
            return SimResponse.error(404, messageId, "RECEIVE", "20", "Message does not exist");
        }
        int status = chunk < m.totalChunks ? 206 : 200;
        boolean storedCompressed = m.contentEncoding.filter(MexHeaders.GZIP::equalsIgnoreCase).isPresent();
        if (storedCompressed && !clientAcceptsGzip) {
            return SimResponse.error(406, messageId, "RECEIVE", "406", "message is stored gzip-compressed: send Accept-Encoding: gzip");
        }
        if (!storedCompressed && clientAcceptsGzip && options.compressForGzipClients()) {
            Map<String, String> h = headers(m, chunk);
            h.put(MexHeaders.CONTENT_ENCODING, MexHeaders.GZIP);
            return new SimResponse.FileBody(status, h, gzippedCopy(m.chunkFile(chunk)), false);
        }
        return new SimResponse.FileBody(status, headers(m, chunk), m.chunkFile(chunk), false);
    }

    SimResponse acknowledge(String messageId, SimulatedMailbox me) {
        Optional<StoredMessage> found = store.get(messageId);
        if (found.isEmpty()) {
            return SimResponse.error(404, messageId, "RECEIVE", "20", "Message does not exist");
        }
        if (!found.get().recipient.equalsIgnoreCase(me.id())) {
            return SimResponse.error(403, messageId, "RECEIVE", "403", "not the recipient of this message");
        }
        if (!store.acknowledge(found.get())) {
            return SimResponse.error(410, messageId, "RECEIVE", "410", "Message in unexpected status");
        }
        return new SimResponse.Empty(200, Map.of());
    }

    private static java.nio.file.Path gzippedCopy(java.nio.file.Path chunk) throws java.io.IOException {
        java.nio.file.Path gz = chunk.resolveSibling(chunk.getFileName() + ".gz");
        if (!java.nio.file.Files.exists(gz)) {
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile(chunk.getParent(), "gz", ".tmp");
            try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(tmp))) {
                java.nio.file.Files.copy(chunk, out);
            }
            java.nio.file.Files.move(tmp, gz, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return gz;
    }

    private Optional<StoredMessage> readable(String messageId, SimulatedMailbox me) {
        return store.get(messageId).filter(m -> m.recipient.equalsIgnoreCase(me.id()))
                .filter(m -> m.status == MessageStatus.ACCEPTED || m.status == MessageStatus.ACKNOWLEDGED);
    }

    private SimResponse refusal(String messageId, SimulatedMailbox me) {
        Optional<StoredMessage> m = store.get(messageId);
        if (m.isEmpty()) {
            return SimResponse.error(404, messageId, "RECEIVE", "20", "Message does not exist");
        }
        if (!m.get().recipient.equalsIgnoreCase(me.id())) {
            return SimResponse.error(403, messageId, "RECEIVE", "403", "not the recipient of this message");
        }
        return SimResponse.error(410, messageId, "RECEIVE", "410", "Message no longer available for download");
    }

    private static Map<String, String> headers(StoredMessage m, int chunk) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(MexHeaders.MESSAGE_ID, m.messageId);
        h.put(MexHeaders.MESSAGE_TYPE, m.messageType);
        h.put(MexHeaders.FROM, m.sender);
        h.put(MexHeaders.TO, m.recipient);
        h.put(MexHeaders.WORKFLOW_ID, m.workflowId);
        h.put(MexHeaders.CHUNK_RANGE, chunk + ":" + m.totalChunks);
        h.put(MexHeaders.FILE_NAME, m.fileName.orElse(m.messageId + ".dat"));
        m.subject.ifPresent(v -> h.put(MexHeaders.SUBJECT, v));
        m.localId.ifPresent(v -> h.put(MexHeaders.LOCAL_ID, v));
        m.checksum.ifPresent(v -> h.put(MexHeaders.CONTENT_CHECKSUM, v));
        m.linkedMessageId.ifPresent(v -> h.put(MexHeaders.LINKED_MESSAGE_ID, v));
        if (m.messageType.equals(MeshMessageStore.MessageTypes.DATA)) {
            m.contentEncoding.ifPresent(v -> h.put(MexHeaders.CONTENT_ENCODING, v));
            if (m.compressed) {
                h.put(MexHeaders.CONTENT_COMPRESSED, "Y");
            }
            h.put(MexHeaders.STATUS_CODE, "00");
            h.put(MexHeaders.STATUS_EVENT, "TRANSFER");
            h.put(MexHeaders.STATUS_DESCRIPTION, "Transferred to recipient mailbox");
            h.put(MexHeaders.STATUS_SUCCESS, "SUCCESS");
        } else {
            h.put(MexHeaders.STATUS_CODE, m.statusCode.orElse(""));
            h.put(MexHeaders.STATUS_EVENT, "SEND");
            h.put(MexHeaders.STATUS_DESCRIPTION, m.statusDescription.orElse(""));
            h.put(MexHeaders.STATUS_SUCCESS, "ERROR");
        }
        h.put(MexHeaders.STATUS_TIMESTAMP, STATUS_TIME.format(m.acceptedAt.orElse(m.createdAt)));
        return h;
    }

    static String encodeToken(String messageId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(messageId.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
