package io.holdfast.api.message;

import java.util.Objects;

/**
 * One field a codec mapped: where it came from (e.g. {@code PID-3[1].1} or a FHIRPath), where it
 * sits in the canonical model (e.g. {@code patient.nhsNumber}), where it went on the way out
 * (empty inbound), and its value. The journal stores the value as a keyed HMAC digest unless the
 * field policy allows it in clear; the value never appears in {@link #toString()}.
 */
@org.osgi.annotation.versioning.ProviderType
public record FieldMapping(String sourcePath, String canonicalPath, String targetPath, String value) {
    public FieldMapping {
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(canonicalPath, "canonicalPath");
        targetPath = targetPath == null ? "" : targetPath;
        value = value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "FieldMapping[" + sourcePath + " -> " + canonicalPath + (targetPath.isEmpty() ? "" : " -> " + targetPath) + "]";
    }
}
