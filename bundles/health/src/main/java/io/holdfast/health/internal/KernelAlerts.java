package io.holdfast.health.internal;

import io.holdfast.api.kernel.Alert;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Alerts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's {@link Alerts}: active alerts in memory, de-duplicated by key. A raise that changes
 * nothing (same severity and text) is silent, so owners may raise on every check; a new alert or a
 * change of severity or text is logged once (ERROR for CRITICAL, WARN otherwise) and posted on
 * {@value #RAISED_TOPIC}; a clear is logged at INFO and posted on {@value #CLEARED_TOPIC}.
 *
 * <p>Alerts live in memory only: after a restart their owners re-check their conditions at start
 * and raise them again, so nothing stale survives and nothing real is forgotten for longer than
 * one check interval.
 */
@Component(service = Alerts.class, immediate = true)
public class KernelAlerts implements Alerts {
    static final String RAISED_TOPIC = "holdfast/alert/RAISED";
    static final String CLEARED_TOPIC = "holdfast/alert/CLEARED";
    static final String ACTIVE_GAUGE = "holdfast.alerts.active";
    private static final Logger LOG = LoggerFactory.getLogger(KernelAlerts.class);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Comparator<Alert> MOST_SEVERE_THEN_OLDEST = Comparator.comparing(Alert::severity).reversed()
            .thenComparing(Alert::raisedAt).thenComparing(Alert::key);

    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();

    private final Map<String, Alert> active = new HashMap<>();
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<Gauge> gauges = new ArrayList<>();

    @Activate
    public KernelAlerts(@Reference MeterRegistry meters) {
        this(meters, Clock.systemUTC());
    }

    KernelAlerts(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        for (AlertSeverity severity : AlertSeverity.values()) {
            gauges.add(Gauge.builder(ACTIVE_GAUGE, this, alerts -> alerts.count(severity))
                    .description("Active Holdfast alerts (see holdfast:alerts)")
                    .tag("severity", severity.name())
                    .strongReference(true)
                    .register(meters));
        }
    }

    /** Events are posted while an EventAdmin is present; logging and the gauge do not depend on it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unsetEventAdmin")
    public void setEventAdmin(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    public void unsetEventAdmin(EventAdmin admin) {
        eventAdmin.compareAndSet(admin, null);
    }

    @Override
    public synchronized void raise(String key, AlertSeverity severity, String source, String text) {
        String k = oneLine(Objects.requireNonNull(key, "key"));
        if (k.isBlank()) {
            throw new IllegalArgumentException("an alert needs a key, e.g. disk:data-folder");
        }
        Objects.requireNonNull(severity, "severity");
        String src = oneLine(Objects.requireNonNull(source, "source"));
        String body = oneLine(Objects.requireNonNull(text, "text"));
        Alert previous = active.get(k);
        if (previous != null && previous.severity() == severity && previous.text().equals(body)) {
            return;
        }
        Alert alert = new Alert(k, severity, src, body, previous == null ? clock.instant() : previous.raisedAt(), clock.instant());
        active.put(k, alert);
        log(alert, previous);
        post(RAISED_TOPIC, alert);
    }

    @Override
    public synchronized void clear(String key) {
        Alert cleared = key == null ? null : active.remove(oneLine(key));
        if (cleared != null) {
            LOG.info("Alert cleared: {} (was {} since {}, source {})", cleared.key(), cleared.severity(), cleared.raisedAt(),
                    cleared.source());
            post(CLEARED_TOPIC, cleared);
        }
    }

    @Override
    public synchronized List<Alert> active() {
        List<Alert> list = new ArrayList<>(active.values());
        list.sort(MOST_SEVERE_THEN_OLDEST);
        return list;
    }

    synchronized long count(AlertSeverity severity) {
        return active.values().stream().filter(a -> a.severity() == severity).count();
    }

    private static void log(Alert alert, Alert previous) {
        String change = previous == null ? "raised" : "changed (was " + previous.severity() + ")";
        if (alert.severity() == AlertSeverity.CRITICAL) {
            LOG.error("Alert {} {}: {}: {} (source {})", alert.severity(), change, alert.key(), alert.text(), alert.source());
        } else {
            LOG.warn("Alert {} {}: {}: {} (source {})", alert.severity(), change, alert.key(), alert.text(), alert.source());
        }
    }

    private void post(String topic, Alert alert) {
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            admin.postEvent(new Event(topic, Map.of("key", alert.key(), "severity", alert.severity().name(),
                    "source", alert.source(), "text", alert.text(), "raisedAt", alert.raisedAt().toString(),
                    "updatedAt", alert.updatedAt().toString())));
        }
    }

    /** Keeps every log line one line: an alert's fields never carry line breaks into the log. */
    private static String oneLine(String value) {
        return CONTROL.matcher(value.trim()).replaceAll("?");
    }

    @Deactivate
    void deactivate() {
        gauges.forEach(meters::remove);
        gauges.clear();
    }
}
