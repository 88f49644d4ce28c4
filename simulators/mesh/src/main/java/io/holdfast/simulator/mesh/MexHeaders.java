package io.holdfast.simulator.mesh;

/**
 * The HTTP header names, media types and message types of the MESH API v2 as the published
 * specification and NHS England's MESH sandbox spell them. The simulator's own list: it shares
 * nothing with the connector, so a misspelt header on either side fails the component tests.
 */
final class MexHeaders {
    static final String AUTHORIZATION = "Authorization";
    static final String ACCEPT = "Accept";
    static final String ACCEPT_ENCODING = "Accept-Encoding";
    static final String CONTENT_ENCODING = "Content-Encoding";
    static final String HOST = "Host";

    static final String FROM = "mex-From";
    static final String TO = "mex-To";
    static final String WORKFLOW_ID = "mex-WorkflowID";
    static final String SUBJECT = "mex-Subject";
    static final String LOCAL_ID = "mex-LocalID";
    static final String FILE_NAME = "mex-FileName";
    static final String MESSAGE_ID = "mex-MessageID";
    static final String MESSAGE_TYPE = "mex-MessageType";
    static final String CHUNK_RANGE = "mex-Chunk-Range";
    static final String CONTENT_CHECKSUM = "mex-Content-Checksum";
    static final String CONTENT_COMPRESSED = "mex-Content-Compressed";
    static final String LINKED_MESSAGE_ID = "mex-LinkedMsgID";
    static final String STATUS_CODE = "mex-StatusCode";
    static final String STATUS_EVENT = "mex-StatusEvent";
    static final String STATUS_DESCRIPTION = "mex-StatusDescription";
    static final String STATUS_SUCCESS = "mex-StatusSuccess";
    static final String STATUS_TIMESTAMP = "mex-StatusTimestamp";

    /** The handshake refuses a client that does not say what it is (the public sandbox answers 400). */
    static final String CLIENT_VERSION = "mex-ClientVersion";
    static final String OS_NAME = "mex-OSName";
    static final String OS_VERSION = "mex-OSVersion";

    static final String MEDIA_TYPE_V2 = "application/vnd.mesh.v2+json";
    static final String OCTET_STREAM = "application/octet-stream";
    static final String GZIP = "gzip";

    private MexHeaders() {
    }
}
