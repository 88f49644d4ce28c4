package io.holdfast.mesh.protocol;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code mex-Content-Checksum} is opaque to MESH and passed through unchanged. Holdfast writes
 * {@code sha256:<hex>} over the uncompressed content and verifies values of that form only.
 */
public final class MeshChecksum {
    public static final String SHA256_PREFIX = "sha256:";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private MeshChecksum() {
    }

    public static String sha256(byte[] digest) {
        return SHA256_PREFIX + HexFormat.of().formatHex(digest);
    }

    public static String sha256Hex(String hex) {
        return SHA256_PREFIX + hex.toLowerCase(Locale.ROOT);
    }

    /** The hex digest if the header is of Holdfast's verifiable form, else empty (not verified). */
    public static Optional<String> verifiableSha256(String header) {
        if (header == null || !header.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length())) {
            return Optional.empty();
        }
        String hex = header.substring(SHA256_PREFIX.length()).trim().toLowerCase(Locale.ROOT);
        return HEX64.matcher(hex).matches() ? Optional.of(hex) : Optional.empty();
    }
}
