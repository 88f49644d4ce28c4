package io.holdfast.api.kernel;

import java.util.Optional;

/** One field-level journal record: paths and the value as keyed digest (and in clear where policy allows). */
@org.osgi.annotation.versioning.ProviderType
public record FieldEntry(String sourcePath, String canonicalPath, String targetPath, String valueDigest,
                         Optional<String> clearValue) {
}
