package io.holdfast.intake.internal;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.message.Envelope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds "no route" refusals and logs them at WARN once a minute per (source, channel, event type):
 * a feed whose messages have no route must be visible to an operator, without a log line per
 * message. Only ids and type names are logged, never payload content.
 */
final class RefusalLog {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    private static final long QUIET_MS = 60_000;
    private static final int MAX_KEYS = 10_000;

    private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();

    IntakeRefusedException noRoute(Envelope env, String what, String needed) {
        String text = "no route for " + what + " from source " + env.sourceSystem() + " (channel " + env.channel()
                + "); nothing was stored; add " + needed + " as etc/io.holdfast.route-<name>.cfg (see holdfast:routes)";
        String key = env.sourceSystem() + "|" + env.channel() + "|" + what;
        long now = System.currentTimeMillis();
        Long last = lastWarned.get(key);
        if (last == null || now - last >= QUIET_MS) {
            if (lastWarned.size() > MAX_KEYS) {
                lastWarned.clear();
            }
            lastWarned.put(key, now);
            LOG.warn("Intake refused message {}: {} (logged once a minute per source and type)", env.messageId(), text);
        }
        return new IntakeRefusedException(IntakeRefusedException.Reason.NO_ROUTE, text);
    }
}
