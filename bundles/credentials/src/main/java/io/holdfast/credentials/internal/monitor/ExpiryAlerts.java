package io.holdfast.credentials.internal.monitor;

import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.credentials.api.CertificateStatus.State;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the kernel's alerts in step with the monitored certificates: every run raises an alert for
 * each certificate that is expiring or expired (Alerts ignores a raise that changes nothing, so there
 * is one log line per state) and clears the alerts of certificates that are fine again or no longer
 * monitored (renewed and rotated: the old version is superseded). The text stays the same while the
 * state does (no day count), so a daily run does not re-log it.
 */
final class ExpiryAlerts {
    static final String SOURCE = "credentials";
    private final Alerts alerts;
    private final Set<String> raised = new HashSet<>();

    ExpiryAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    synchronized void update(List<CertificateStatus> current) {
        Set<String> now = new HashSet<>();
        for (CertificateStatus s : current) {
            if (s.state() != State.OK) {
                String key = key(s);
                alerts.raise(key, severity(s.state()), SOURCE, text(s));
                now.add(key);
            }
        }
        for (String gone : raised) {
            if (!now.contains(gone)) {
                alerts.clear(gone);
            }
        }
        raised.clear();
        raised.addAll(now);
    }

    /** e.g. {@code cert:int/spine-int/KEY_PAIR/v2/3f9a0c1d2e4b5a69}: one alert per certificate of a version. */
    static String key(CertificateStatus s) {
        return "cert:" + s.environment() + "/" + s.entryId() + "/" + s.kind() + "/v" + s.version() + "/"
                + s.certificate().fingerprint().substring(0, Math.min(16, s.certificate().fingerprint().length()));
    }

    static AlertSeverity severity(State state) {
        return switch (state) {
            case EXPIRING_90 -> AlertSeverity.INFO;
            case EXPIRING_30 -> AlertSeverity.WARNING;
            default -> AlertSeverity.CRITICAL;
        };
    }

    /** Names, serial and dates only; never key material. */
    static String text(CertificateStatus s) {
        String systems = s.systems().isEmpty() ? "no system" : String.join(", ", s.systems());
        String certificate = "Certificate '" + s.certificate().subject() + "' (serial " + s.certificate().serial() + ", issuer '"
                + s.certificate().issuer() + "') of " + s.environment() + "/" + s.entryId() + " " + s.kind() + " v" + s.version()
                + " (" + s.versionState() + ") used by " + systems;
        if (s.state() == State.EXPIRED) {
            return certificate + " EXPIRED at " + s.certificate().notAfter()
                    + "; auth providers refuse it. Import a renewed certificate and activate it";
        }
        return certificate + " expires at " + s.certificate().notAfter() + " (" + s.state() + ": " + daysBound(s.state())
                + " days or fewer left). Import a renewed certificate and activate it before then";
    }

    private static int daysBound(State state) {
        return switch (state) {
            case EXPIRING_90 -> 90;
            case EXPIRING_30 -> 30;
            default -> 7;
        };
    }
}
