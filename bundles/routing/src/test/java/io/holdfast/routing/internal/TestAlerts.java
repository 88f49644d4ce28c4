package io.holdfast.routing.internal;

import io.holdfast.api.kernel.Alert;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Alerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small in-test {@link Alerts}: active alerts by key, de-duplicated like the kernel's, with each change recorded. */
public final class TestAlerts implements Alerts {
    private final Map<String, Alert> active = new LinkedHashMap<>();
    private final List<String> changes = new ArrayList<>();

    @Override
    public synchronized void raise(String key, AlertSeverity severity, String source, String text) {
        Alert old = active.get(key);
        if (old != null && old.severity() == severity && old.text().equals(text)) {
            return;
        }
        Instant now = Instant.now();
        active.put(key, new Alert(key, severity, source, text, old == null ? now : old.raisedAt(), now));
        changes.add("RAISED " + key + ": " + text);
    }

    @Override
    public synchronized void clear(String key) {
        if (active.remove(key) != null) {
            changes.add("CLEARED " + key);
        }
    }

    @Override
    public synchronized List<Alert> active() {
        return List.copyOf(active.values());
    }

    public synchronized Optional<Alert> find(String key) {
        return Optional.ofNullable(active.get(key));
    }

    /** Every raise that changed something and every clear, in order. */
    public synchronized List<String> changes() {
        return List.copyOf(changes);
    }
}
