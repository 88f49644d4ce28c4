package io.holdfast.journal.internal;

import io.holdfast.api.kernel.Lease;
import io.holdfast.api.kernel.Leases;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory leases with fencing tokens, as the kernel's Derby implementation behaves on one node. */
final class TestLeases implements Leases {
    private final Map<String, Lease> held = new HashMap<>();
    private long tokens;
    int renewals;

    @Override
    public synchronized Optional<Lease> acquire(String name, String holder, Duration duration) {
        Lease current = held.get(name);
        if (current != null && !current.holder().equals(holder) && current.expiresAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        long token = current != null && current.holder().equals(holder) ? current.token() : ++tokens;
        Lease lease = new Lease(name, holder, token, Instant.now().plus(duration));
        held.put(name, lease);
        return Optional.of(lease);
    }

    @Override
    public synchronized Optional<Lease> renew(Lease lease, Duration duration) {
        if (!check(lease)) {
            return Optional.empty();
        }
        renewals++;
        Lease renewed = new Lease(lease.name(), lease.holder(), lease.token(), Instant.now().plus(duration));
        held.put(lease.name(), renewed);
        return Optional.of(renewed);
    }

    @Override
    public synchronized boolean check(Lease lease) {
        Lease current = held.get(lease.name());
        return current != null && current.token() == lease.token() && current.expiresAt().isAfter(Instant.now());
    }

    @Override
    public synchronized void release(Lease lease) {
        if (check(lease)) {
            held.remove(lease.name());
        }
    }

    @Override
    public synchronized Optional<Lease> current(String name) {
        return Optional.ofNullable(held.get(name)).filter(l -> l.expiresAt().isAfter(Instant.now()));
    }
}
