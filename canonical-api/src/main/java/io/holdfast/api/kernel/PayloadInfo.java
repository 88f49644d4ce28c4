package io.holdfast.api.kernel;

/** Where a payload is kept (encrypted) and what it was: size in bytes and SHA-256 of the plain bytes. */
@org.osgi.annotation.versioning.ProviderType
public record PayloadInfo(String ref, long size, String sha256) {
}
