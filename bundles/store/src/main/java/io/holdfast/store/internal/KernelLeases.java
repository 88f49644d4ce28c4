package io.holdfast.store.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Lease;
import io.holdfast.api.kernel.Leases;
import io.holdfast.store.api.Dialect;
import io.holdfast.store.api.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Leases} in the kernel database ({@code kernel_lease}). Acquiring tries, in one transaction:
 * extend our own unexpired tenure (token kept); take an expired or released one (token + 1); insert the
 * first tenure (token 1). Losing a race is never an error: a concurrent first insert fails on the
 * primary key and a concurrent takeover finds the row no longer expired, and both return empty.
 *
 * <p>Expiry is judged by this JVM's clock. On one node that is exact; in a cluster the nodes' clocks
 * must agree to well within a lease's duration (NTP), which the cluster documentation requires.
 */
@Component(service = Leases.class, immediate = true)
public class KernelLeases implements Leases {
    static final String COMPONENT = "leases";
    static final int MAX_NAME = 200;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;

    @Activate
    public KernelLeases(@Reference Store store, @Reference Health health) {
        this(store, health, Clock.systemUTC());
    }

    KernelLeases(Store store, Health health, Clock clock) {
        this.dataSource = store.dataSource();
        this.dialect = store.dialect();
        this.clock = clock;
        try {
            store.migrate(LeaseSchema.MODULE, LeaseSchema.MIGRATIONS);
        } catch (HoldfastException e) {
            health.report(COMPONENT, HealthState.DOWN, e.describe());
            throw e;
        }
        health.report(COMPONENT, HealthState.UP, "leases in " + store.location());
    }

    @Override
    public Optional<Lease> acquire(String name, String holder, Duration duration) {
        checkName("name", name);
        checkName("holder", holder);
        Instant now = clock.instant();
        Instant until = now.plus(positive(duration));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Lease> lease = acquire(c, name, holder, now, until);
                c.commit();
                return lease;
            } catch (SQLException e) {
                c.rollback();
                if (dialect.isDuplicateKey(e)) {
                    return Optional.empty(); // another holder inserted the first tenure meanwhile
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("acquire", name, e);
        }
    }

    private static Optional<Lease> acquire(Connection c, String name, String holder, Instant now, Instant until) throws SQLException {
        if (LeaseTable.extendOwn(c, name, holder, now, until) || LeaseTable.takeExpired(c, name, holder, now, until)) {
            return LeaseTable.unexpired(c, name, now);
        }
        if (LeaseTable.exists(c, name)) {
            return Optional.empty();
        }
        LeaseTable.insertFirst(c, name, holder, until);
        return Optional.of(new Lease(name, holder, 1, until));
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration duration) {
        Objects.requireNonNull(lease, "lease");
        Instant now = clock.instant();
        Instant until = now.plus(positive(duration));
        try (Connection c = dataSource.getConnection()) {
            return LeaseTable.setExpiry(c, lease, now, until)
                    ? Optional.of(new Lease(lease.name(), lease.holder(), lease.token(), until))
                    : Optional.empty();
        } catch (SQLException e) {
            throw failure("renew", lease.name(), e);
        }
    }

    @Override
    public boolean check(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        return current(lease.name()).filter(held -> held.holder().equals(lease.holder()) && held.token() == lease.token())
                .isPresent();
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            // Expire now rather than delete, so the token keeps growing for the next holder.
            LeaseTable.setExpiry(c, lease, now, now);
        } catch (SQLException e) {
            throw failure("release", lease.name(), e);
        }
    }

    @Override
    public Optional<Lease> current(String name) {
        checkName("name", name);
        try (Connection c = dataSource.getConnection()) {
            return LeaseTable.unexpired(c, name, clock.instant());
        } catch (SQLException e) {
            throw failure("read", name, e);
        }
    }

    private static void checkName(String what, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME) {
            throw new IllegalArgumentException("a lease " + what + " must be 1-" + MAX_NAME + " characters, e.g. credentials:certificate-monitor");
        }
    }

    private static Duration positive(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lease duration must be positive, not " + duration);
        }
        return duration;
    }

    private static HoldfastException failure(String action, String name, SQLException e) {
        return new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "Could not " + action + " lease '" + name + "' ("
                + StoreFailures.innermost(e) + "); treat it as not held. Check holdfast:status for the store", e);
    }
}
