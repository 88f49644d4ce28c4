package io.holdfast.credentials.internal.monitor;

import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.credentials.api.CertificateStatus.State;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Posts one OSGi event on {@value CertificateMonitor#EXPIRING_TOPIC} per threshold crossing (recorded in
 * {@code cert_status}, so once across restarts and nodes), with the certificate's facts for subscribers
 * that act on certificates. The log line and {@code holdfast:status} entry come from the kernel's Alerts.
 */
final class ExpiryEvents {
    private final BiConsumer<String, Map<String, Object>> events;

    /** @param events posts an event (topic, properties); the component wires it to EventAdmin */
    ExpiryEvents(BiConsumer<String, Map<String, Object>> events) {
        this.events = events;
    }

    void crossed(CertificateStatus s, State previous) {
        events.accept(CertificateMonitor.EXPIRING_TOPIC, properties(s, previous));
    }

    static Map<String, Object> properties(CertificateStatus s, State previous) {
        Map<String, Object> p = new HashMap<>();
        p.put("environment", s.environment());
        p.put("entry", s.entryId());
        p.put("kind", s.kind().name());
        p.put("version", s.version());
        p.put("systems", s.systems().toArray(new String[0]));
        p.put("subject", s.certificate().subject());
        p.put("issuer", s.certificate().issuer());
        p.put("serial", s.certificate().serial());
        p.put("fingerprint", s.certificate().fingerprint());
        p.put("notAfter", s.certificate().notAfter().toString());
        p.put("daysLeft", s.daysLeft());
        p.put("state", s.state().name());
        p.put("previousState", previous.name());
        return p;
    }
}
