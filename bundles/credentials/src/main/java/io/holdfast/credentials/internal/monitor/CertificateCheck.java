package io.holdfast.credentials.internal.monitor;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.credentials.api.CertificateStatus.State;
import io.holdfast.credentials.api.EntryVersion;
import io.holdfast.credentials.api.VaultAdmin;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of the monitor: compute every state, post an event on crossings recorded in
 * {@code cert_status}, bring the kernel's alerts in step, refresh the gauges and report component
 * {@value #COMPONENT} to Health.
 */
final class CertificateCheck {
    static final String COMPONENT = "cert-monitor";

    private final VaultAdmin vault;
    private final CertStatusRepository statuses;
    private final ExpiryEvents events;
    private final ExpiryAlerts alerts;
    private final ExpiryGauges gauges;
    private final Health health;
    private final Clock clock;

    CertificateCheck(VaultAdmin vault, CertStatusRepository statuses, ExpiryEvents events, ExpiryAlerts alerts,
                     ExpiryGauges gauges, Health health, Clock clock) {
        this.vault = vault;
        this.statuses = statuses;
        this.events = events;
        this.alerts = alerts;
        this.gauges = gauges;
        this.health = health;
        this.clock = clock;
    }

    List<CertificateStatus> current() {
        return ExpiryStates.statuses(vault.versions(Optional.empty()), clock.instant());
    }

    synchronized List<CertificateStatus> run() {
        Instant now = clock.instant();
        List<CertificateStatus> current = ExpiryStates.statuses(vault.versions(Optional.empty()), now);
        alerts.update(current);
        try {
            Map<StatusKey, State> recorded = statuses.load();
            Set<StatusKey> seen = new HashSet<>();
            for (CertificateStatus s : current) {
                StatusKey key = StatusKey.of(s);
                seen.add(key);
                record(s, key, Optional.ofNullable(recorded.get(key)), now);
            }
            for (StatusKey stale : recorded.keySet()) {
                if (!seen.contains(stale)) {
                    statuses.delete(stale);
                }
            }
        } catch (SQLException e) {
            HoldfastException error = new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "certificate check could not read or"
                    + " record states (SQLState " + e.getSQLState() + "); alerts may repeat or be late", e);
            health.report(COMPONENT, HealthState.DEGRADED, error.describe());
            throw error;
        }
        gauges.update(current);
        health.report(COMPONENT, healthState(current), summary(current));
        return current;
    }

    private void record(CertificateStatus s, StatusKey key, Optional<State> previous, Instant now) throws SQLException {
        if (previous.isEmpty()) {
            if (statuses.insert(key, s.state(), now) && s.state() != State.OK) {
                events.crossed(s, State.OK);
            }
        } else if (s.state().worseThan(previous.get())) {
            if (statuses.update(key, previous.get(), s.state(), now)) {
                events.crossed(s, previous.get());
            }
        } else if (s.state() != previous.get()) {
            statuses.update(key, previous.get(), s.state(), now);
        }
    }

    private static HealthState healthState(List<CertificateStatus> current) {
        boolean urgent = current.stream().anyMatch(s -> s.versionState() == EntryVersion.State.ACTIVE
                && (s.state() == State.EXPIRED || s.state() == State.EXPIRING_7));
        return urgent ? HealthState.DEGRADED : HealthState.UP;
    }

    static String summary(List<CertificateStatus> current) {
        long ok = current.stream().filter(s -> s.state() == State.OK).count();
        long expired = current.stream().filter(s -> s.state() == State.EXPIRED).count();
        String text = current.size() + " certificates: " + ok + " OK, " + (current.size() - ok - expired) + " expiring, "
                + expired + " expired";
        return current.stream().filter(s -> s.state() != State.OK).min((a, b) -> Long.compare(a.daysLeft(), b.daysLeft()))
                .map(s -> text + "; soonest " + s.environment() + "/" + s.entryId() + " " + s.kind() + " v" + s.version() + " '"
                        + s.certificate().subject() + "' " + s.state() + " (" + s.daysLeft() + " days)")
                .orElse(text);
    }
}
