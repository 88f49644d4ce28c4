package io.holdfast.mesh.internal.transport;

import io.holdfast.mesh.protocol.ChunkRange;
import io.holdfast.mesh.protocol.MeshHeaders;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The metadata MESH sends with an inbox message (on every chunk and on HEAD). */
public record MeshMessageHeaders(String messageId, String messageType, String from, String to, String workflowId,
                                 Optional<String> subject, Optional<String> localId, Optional<String> fileName,
                                 Optional<String> checksum, Optional<String> contentEncoding, ChunkRange chunkRange,
                                 Optional<String> linkedMessageId, Optional<String> statusCode,
                                 Optional<String> statusDescription) {

    static MeshMessageHeaders from(String messageId, HttpHeaders h) {
        return new MeshMessageHeaders(h.firstValue(MeshHeaders.MESSAGE_ID).orElse(messageId),
                h.firstValue(MeshHeaders.MESSAGE_TYPE).orElse(MeshHeaders.TYPE_DATA), h.firstValue(MeshHeaders.FROM).orElse(""),
                h.firstValue(MeshHeaders.TO).orElse(""), h.firstValue(MeshHeaders.WORKFLOW_ID).orElse(""),
                h.firstValue(MeshHeaders.SUBJECT), h.firstValue(MeshHeaders.LOCAL_ID), h.firstValue(MeshHeaders.FILE_NAME),
                h.firstValue(MeshHeaders.CONTENT_CHECKSUM), h.firstValue(MeshHeaders.CONTENT_ENCODING),
                h.firstValue(MeshHeaders.CHUNK_RANGE).flatMap(ChunkRange::parse).orElse(ChunkRange.SINGLE),
                h.firstValue(MeshHeaders.LINKED_MSG_ID), h.firstValue(MeshHeaders.STATUS_CODE),
                h.firstValue(MeshHeaders.STATUS_DESCRIPTION));
    }

    public boolean report() {
        return MeshHeaders.TYPE_REPORT.equalsIgnoreCase(messageType);
    }

    public boolean gzipped() {
        return contentEncoding.filter(MeshHeaders.GZIP::equalsIgnoreCase).isPresent();
    }

    /** Transport metadata for the FileTransfer event (may include the subject: journaled as the event, not logged). */
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("mesh.messageId", messageId);
        a.put("mesh.messageType", messageType);
        a.put("mesh.sender", from);
        a.put("mesh.recipient", to);
        a.put("mesh.workflowId", workflowId);
        subject.ifPresent(v -> a.put("mesh.subject", v));
        localId.ifPresent(v -> a.put("mesh.localId", v));
        fileName.ifPresent(v -> a.put("mesh.fileName", v));
        checksum.ifPresent(v -> a.put("mesh.checksum", v));
        linkedMessageId.ifPresent(v -> a.put("mesh.linkedMessageId", v));
        statusCode.ifPresent(v -> a.put("mesh.statusCode", v));
        a.put("mesh.chunks", String.valueOf(chunkRange.total()));
        return a;
    }
}
