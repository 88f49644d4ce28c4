package io.holdfast.api.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the field-level mappings a codec makes while decoding or encoding one message. Not
 * thread-safe: one trail per message, filled by one codec call.
 */
@org.osgi.annotation.versioning.ProviderType
public final class FieldTrail {
    private final List<FieldMapping> mappings = new ArrayList<>();

    /** Records an inbound mapping (wire path to canonical path). Blank values are not recorded. */
    public FieldTrail inbound(String sourcePath, String canonicalPath, String value) {
        return add(new FieldMapping(sourcePath, canonicalPath, "", value));
    }

    /** Records an outbound mapping (canonical path to wire path). Blank values are not recorded. */
    public FieldTrail outbound(String canonicalPath, String targetPath, String value) {
        return add(new FieldMapping(canonicalPath, canonicalPath, targetPath, value));
    }

    public FieldTrail add(FieldMapping mapping) {
        if (!mapping.value().isBlank()) {
            mappings.add(mapping);
        }
        return this;
    }

    public List<FieldMapping> mappings() {
        return Collections.unmodifiableList(mappings);
    }

    public int size() {
        return mappings.size();
    }

    public static FieldTrail empty() {
        return new FieldTrail();
    }
}
