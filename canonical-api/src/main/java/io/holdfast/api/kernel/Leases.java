package io.holdfast.api.kernel;

import java.time.Duration;
import java.util.Optional;

/**
 * Leases for singleton work (a MESH mailbox poller, an SFTP folder poller, a reconciliation
 * schedule, the certificate monitor, retention): at most one holder at a time per lease name,
 * with a <em>fencing token</em> that grows every time the lease changes hands.
 *
 * <p>Work that holds a lease passes its token to every write it makes ({@link #check}); a holder
 * whose lease expired or was taken over gets {@code false} and must stop before it writes, so a
 * paused holder (GC, lost network) can never overwrite the work of its successor. On a single node
 * (Derby) leases live in the kernel database; in a cluster they live in PostgreSQL.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Leases {

    /**
     * Takes the lease {@code name} for {@code holder} for {@code duration} if it is free, expired,
     * or already held by {@code holder} (then it is renewed and keeps its token).
     *
     * @return the lease with its fencing token, or empty when another holder has it
     */
    Optional<Lease> acquire(String name, String holder, Duration duration);

    /** Extends a lease still held by its holder with the same token; empty when it was lost. */
    Optional<Lease> renew(Lease lease, Duration duration);

    /** True when {@code lease} is still held with its token and has not expired. */
    boolean check(Lease lease);

    /** Gives the lease up (another holder may take it at once); a no-op if it was already lost. */
    void release(Lease lease);

    /** The current holder of {@code name}, if any and unexpired. */
    Optional<Lease> current(String name);
}
