package io.holdfast.journal.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Lease;
import io.holdfast.api.kernel.Leases;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retention as singleton work: under the kernel lease {@value #LEASE}, renewed before every
 * chunk (so a run that lost its lease stops before its next delete), and journaled afterwards as
 * an admin action with the actor ({@code scheduler} or the shell user) and what was pruned.
 */
final class RetentionRunner implements RetentionControl {
    static final String LEASE = "holdfast.retention";
    static final Duration LEASE_TIME = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(RetentionRunner.class);

    private final JournalCore journal;
    private final Leases leases;
    private final String holder;
    private volatile RetentionPolicy policy;

    RetentionRunner(JournalCore journal, Leases leases, String holder, RetentionPolicy policy) {
        this.journal = journal;
        this.leases = leases;
        this.holder = holder;
        this.policy = policy;
    }

    void policy(RetentionPolicy p) {
        this.policy = p;
    }

    RetentionPolicy policy() {
        return policy;
    }

    @Override
    public String describePolicy() {
        return policy.describe();
    }

    @Override
    public String describeDue() {
        return "due now: " + journal.retention().due(policy).describe();
    }

    @Override
    public String runNow(String actor) {
        Lease lease = leases.acquire(LEASE, holder, LEASE_TIME).orElseThrow(() -> new HoldfastException(ErrorCode.STORE_LOCKED,
                "retention is already running elsewhere (lease " + LEASE + " held by "
                        + leases.current(LEASE).map(Lease::holder).orElse("another holder") + "); nothing was pruned, try again later"));
        try {
            BooleanSupplier stillHolding = () -> leases.renew(lease, LEASE_TIME).isPresent();
            RetentionReport report = journal.retention().run(policy, stillHolding);
            String outcome = "pruned " + report.describe();
            journal.recordAdminAction("retention", actor, outcome);
            LOG.info("Retention run by {}: {}", actor, outcome);
            return outcome;
        } finally {
            leases.release(lease);
        }
    }

    /** Checks a configuration and turns it into a policy; the message names the PID, key and allowed values. */
    static RetentionPolicy policyOf(RetentionConfig c) {
        days("payloadDays", c.payloadDays(), 30);
        days("outboxDoneDays", c.outboxDoneDays(), 7);
        days("journalDays", c.journalDays(), 365);
        if (c.runEveryHours() < 1 || c.runEveryHours() > 168) {
            throw new InvalidConfigurationException(RetentionConfig.PID, "runEveryHours", "1 to 168", "is " + c.runEveryHours());
        }
        return new RetentionPolicy(c.enabled(), c.payloadDays(), c.outboxDoneDays(), c.journalDays(), c.runEveryHours());
    }

    private static void days(String key, int value, int min) {
        if (value != 0 && (value < min || value > 36_500)) {
            throw new InvalidConfigurationException(RetentionConfig.PID, key, "0 (keep forever) or " + min + " to 36500 days", "is " + value);
        }
    }
}
