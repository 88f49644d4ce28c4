package io.holdfast.mesh.internal.transport;

import io.holdfast.api.kernel.Alert;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Alerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small in-test {@link Alerts}: active alerts by key (de-duplicated like the kernel's), and every raise counted. */
final class TestAlerts implements Alerts {
    private final Map<String, Alert> active = new LinkedHashMap<>();
    final List<String> cleared = new ArrayList<>();

    @Override
    public synchronized void raise(String key, AlertSeverity severity, String source, String text) {
        Instant now = Instant.now();
        Alert old = active.get(key);
        active.put(key, new Alert(key, severity, source, text, old == null ? now : old.raisedAt(), now));
    }

    @Override
    public synchronized void clear(String key) {
        if (active.remove(key) != null) {
            cleared.add(key);
        }
    }

    @Override
    public synchronized List<Alert> active() {
        return List.copyOf(active.values());
    }
}
