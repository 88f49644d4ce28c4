package io.holdfast.api.kernel;

import java.time.Instant;

/**
 * A held lease: its name, holder, fencing token (strictly increasing each time the lease changes
 * hands) and expiry.
 */
@org.osgi.annotation.versioning.ProviderType
public record Lease(String name, String holder, long token, Instant expiresAt) {
}
