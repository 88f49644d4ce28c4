package io.holdfast.credentials.internal.monitor;

import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.credentials.api.CertificateStatus.State;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises one alert per threshold crossing: a WARN log line (names, serial, dates; no key material)
 * and an OSGi event on {@value CertificateMonitor#EXPIRING_TOPIC}.
 */
final class ExpiryAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryAlerts.class);
    private final BiConsumer<String, Map<String, Object>> events;

    /** @param events posts an event (topic, properties); the component wires it to EventAdmin */
    ExpiryAlerts(BiConsumer<String, Map<String, Object>> events) {
        this.events = events;
    }

    void raise(CertificateStatus s, State previous) {
        String systems = s.systems().isEmpty() ? "no system" : String.join(", ", s.systems());
        String label = s.environment() + "/" + s.entryId() + " " + s.kind() + " v" + s.version() + " (" + s.versionState() + ")";
        if (s.state() == State.EXPIRED) {
            LOG.warn("Certificate EXPIRED: '{}' (serial {}, issuer '{}') of {} used by {} expired at {}; auth providers refuse it."
                    + " Import a renewed certificate and activate it", s.certificate().subject(), s.certificate().serial(),
                    s.certificate().issuer(), label, systems, s.certificate().notAfter());
        } else {
            LOG.warn("Certificate {}: '{}' (serial {}, issuer '{}') of {} used by {} expires at {} ({} days left)", s.state(),
                    s.certificate().subject(), s.certificate().serial(), s.certificate().issuer(), label, systems,
                    s.certificate().notAfter(), s.daysLeft());
        }
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
