package io.holdfast.journal.internal;

import java.util.Set;

/**
 * Which canonical paths may be journaled in clear. Everything else is kept only as a keyed HMAC
 * digest: enough to prove what value passed (and to find where a known value went) without
 * holding patient data in the audit trail.
 */
record FieldPolicy(Set<String> clearPaths) {
    static final FieldPolicy DIGEST_ONLY = new FieldPolicy(Set.of());

    FieldPolicy {
        clearPaths = Set.copyOf(clearPaths);
    }

    boolean clear(String canonicalPath) {
        return clearPaths.contains(canonicalPath);
    }
}
