package io.holdfast.mesh.protocol;

/** Header names and media types of MESH API v2, spelled as MESH spells them. */
public final class MeshHeaders {
    public static final String AUTHORIZATION = "Authorization";
    public static final String ACCEPT = "Accept";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String ACCEPT_ENCODING = "Accept-Encoding";

    public static final String FROM = "mex-From";
    public static final String TO = "mex-To";
    public static final String WORKFLOW_ID = "mex-WorkflowID";
    public static final String SUBJECT = "mex-Subject";
    public static final String LOCAL_ID = "mex-LocalID";
    public static final String FILE_NAME = "mex-FileName";
    public static final String MESSAGE_ID = "mex-MessageID";
    public static final String MESSAGE_TYPE = "mex-MessageType";
    public static final String CHUNK_RANGE = "mex-Chunk-Range";
    public static final String CONTENT_CHECKSUM = "mex-Content-Checksum";
    public static final String CONTENT_COMPRESSED = "mex-Content-Compressed";
    public static final String CONTENT_ENCRYPTED = "mex-Content-Encrypted";
    public static final String LINKED_MSG_ID = "mex-LinkedMsgID";
    public static final String STATUS_CODE = "mex-StatusCode";
    public static final String STATUS_EVENT = "mex-StatusEvent";
    public static final String STATUS_DESCRIPTION = "mex-StatusDescription";
    public static final String STATUS_SUCCESS = "mex-StatusSuccess";
    public static final String STATUS_TIMESTAMP = "mex-StatusTimestamp";

    public static final String CLIENT_VERSION = "mex-ClientVersion";
    public static final String OS_NAME = "mex-OSName";
    public static final String OS_VERSION = "mex-OSVersion";
    public static final String OS_ARCHITECTURE = "mex-OSArchitecture";
    public static final String JAVA_VERSION = "mex-JavaVersion";

    /** The v2 media type; clients send it as {@code Accept}. */
    public static final String MEDIA_TYPE_V2 = "application/vnd.mesh.v2+json";
    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String GZIP = "gzip";

    /** Message types carried in {@link #MESSAGE_TYPE}. */
    public static final String TYPE_DATA = "DATA";
    public static final String TYPE_REPORT = "REPORT";

    private MeshHeaders() {
    }
}
