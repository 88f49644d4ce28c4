package io.holdfast.api.kernel;

/** Names of the transports Holdfast ships (vendors may register others). */
@org.osgi.annotation.versioning.ProviderType
public final class Transports {
    public static final String HTTP = "HTTP";
    public static final String MLLP = "MLLP";
    public static final String MESH = "MESH";
    public static final String SFTP = "SFTP";
    public static final String DB = "DB";
    public static final String SPINE_EBXML = "SPINE_EBXML";

    private Transports() {
    }
}
