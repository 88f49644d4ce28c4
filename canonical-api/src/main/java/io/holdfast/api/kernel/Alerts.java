package io.holdfast.api.kernel;

import java.util.List;

/**
 * De-duplicated operational alerts: a certificate about to expire, a disk nearly full, a MESH
 * message refused by a size cap, a dead letter. Raising an alert that is already active with the
 * same severity and text changes nothing (no repeated log line, no repeated notification), so a
 * poller may raise the same alert every cycle. An alert stays active until it is cleared.
 *
 * <p>The kernel delivers a raise or clear as a log line (WARN/ERROR on raise, INFO on clear), an
 * OSGi event on topic {@code holdfast/alert/RAISED} or {@code holdfast/alert/CLEARED}, a gauge of
 * active alerts by severity, and a line in {@code holdfast:status} / {@code holdfast:alerts}. Later
 * channels (webhook, e-mail) subscribe to the same events.
 *
 * <p>{@code key} identifies the condition, e.g. {@code cert:pds-signing:30d} or
 * {@code disk:data-folder}; {@code text} is PHI-free (ids, codes, counts, never a payload or an
 * NHS number).
 */
@org.osgi.annotation.versioning.ProviderType
public interface Alerts {

    /** Raises (or updates) the alert {@code key}; idempotent while severity and text stay the same. */
    void raise(String key, AlertSeverity severity, String source, String text);

    /** Clears the alert {@code key} if it is active; a no-op otherwise. */
    void clear(String key);

    /** Active alerts, most severe first, then oldest first. */
    List<Alert> active();
}
