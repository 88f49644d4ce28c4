package io.holdfast.pds;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One RFC 6902 operation of a PDS update ({@code add}, {@code replace}, {@code remove}, {@code test}); {@code valueJson}
 * is the value as JSON text (a string value is {@code "\"male\""}), absent for {@code remove}. PDS requires a list item
 * removal to be preceded by a {@code test} of the item's {@code id} (or {@code url}).
 */
@org.osgi.annotation.versioning.ProviderType
public record PatchOperation(String op, String path, Optional<String> valueJson) {
    public static final Set<String> OPS = Set.of("add", "replace", "remove", "test");

    public PatchOperation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(path, "path");
        valueJson = valueJson == null ? Optional.empty() : valueJson;
        if (!OPS.contains(op)) {
            throw new IllegalArgumentException("op must be one of " + OPS + ", was '" + op + "'");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must be a JSON Pointer starting with '/'");
        }
        if (op.equals("remove") == valueJson.isPresent()) {
            throw new IllegalArgumentException(op.equals("remove") ? "remove takes no value" : op + " needs a value");
        }
    }

    public static PatchOperation replace(String path, String valueJson) {
        return new PatchOperation("replace", path, Optional.of(valueJson));
    }

    public static PatchOperation add(String path, String valueJson) {
        return new PatchOperation("add", path, Optional.of(valueJson));
    }

    public static PatchOperation test(String path, String valueJson) {
        return new PatchOperation("test", path, Optional.of(valueJson));
    }

    public static PatchOperation remove(String path) {
        return new PatchOperation("remove", path, Optional.empty());
    }

    @Override
    public String toString() {
        return op + " " + path;
    }
}
