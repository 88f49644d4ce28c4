package io.holdfast.ers;

import java.util.Objects;

/** An attachment's bytes as e-RS served them (A042 {@code GET /R4/Binary/{id}}). */
@org.osgi.annotation.versioning.ProviderType
public record AttachmentContent(String binaryId, String contentType, byte[] bytes) {
    public AttachmentContent {
        Objects.requireNonNull(binaryId, "binaryId");
        contentType = contentType == null ? "application/octet-stream" : contentType;
        Objects.requireNonNull(bytes, "bytes");
    }
}
