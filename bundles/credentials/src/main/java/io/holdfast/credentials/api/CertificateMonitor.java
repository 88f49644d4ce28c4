package io.holdfast.credentials.api;

import java.util.List;

/**
 * Watches every certificate of active, pending and scheduled vault versions. Runs on start, daily and
 * on demand; each threshold crossing (EXPIRING_90, EXPIRING_30, EXPIRING_7, EXPIRED) is logged at
 * WARN, posted as OSGi event {@value #EXPIRING_TOPIC} and reflected in the gauge
 * {@value #DAYS_GAUGE} (tags environment, entry, kind, version, serial).
 */
public interface CertificateMonitor {
    String EXPIRING_TOPIC = "io/holdfast/cert/EXPIRING";
    String DAYS_GAUGE = "holdfast.cert.days.to.expiry";

    /** Checks now, raising alerts for new crossings; returns every monitored certificate. */
    List<CertificateStatus> check();

    /** The monitored certificates as of now, without raising alerts. */
    List<CertificateStatus> statuses();
}
