package io.holdfast.credentials.internal.monitor;

import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One gauge per monitored certificate: days to expiry (fractional, negative once expired), computed
 * when read, so it is current between checks. Gauges of certificates no longer monitored are removed.
 */
final class ExpiryGauges {
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<StatusKey, Gauge> gauges = new HashMap<>();

    ExpiryGauges(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    synchronized void update(List<CertificateStatus> statuses) {
        Set<StatusKey> current = new HashSet<>();
        for (CertificateStatus s : statuses) {
            StatusKey key = StatusKey.of(s);
            current.add(key);
            gauges.computeIfAbsent(key, k -> register(s));
        }
        gauges.entrySet().removeIf(e -> {
            if (!current.contains(e.getKey())) {
                registry.remove(e.getValue());
                return true;
            }
            return false;
        });
    }

    private Gauge register(CertificateStatus s) {
        Instant notAfter = s.certificate().notAfter();
        return Gauge.builder(CertificateMonitor.DAYS_GAUGE, () -> Duration.between(clock.instant(), notAfter).getSeconds() / 86400.0)
                .description("Days until the certificate expires (negative once expired)")
                .baseUnit("days")
                .tag("environment", s.environment())
                .tag("entry", s.entryId())
                .tag("kind", s.kind().name())
                .tag("version", Integer.toString(s.version()))
                .tag("serial", s.certificate().serial())
                .strongReference(true)
                .register(registry);
    }

    synchronized void close() {
        gauges.values().forEach(registry::remove);
        gauges.clear();
    }
}
