package io.holdfast.routing.internal.route;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A route's optional filter: all conditions must hold. Deliberately small (no expression
 * language): conditions look only at envelope data and whether the subject has an NHS number.
 */
public record RouteFilter(List<Condition> conditions) {
    static final String ALLOWED = "comma-separated key=value or key!=value with keys source, channel, format, "
            + "subject (nhs|local|none), attr.<name>; a trailing * matches a prefix";
    private static final Set<String> KEYS = Set.of("source", "channel", "format", "subject");

    public static final RouteFilter NONE = new RouteFilter(List.of());

    /** One condition: {@code key=value} or {@code key!=value}. */
    public record Condition(String key, String value, boolean negated) {
        boolean test(Envelope envelope, ClinicalEvent event) {
            String actual = switch (key) {
                case "source" -> envelope.sourceSystem();
                case "channel" -> envelope.channel();
                case "format" -> envelope.wireFormat().family();
                case "subject" -> event.subject().map(i -> i.isNhsNumber() ? "nhs" : "local").orElse("none");
                default -> envelope.attributes().getOrDefault(key.substring("attr.".length()), "");
            };
            boolean match = value.endsWith("*") ? actual.startsWith(value.substring(0, value.length() - 1)) : actual.equals(value);
            return match != negated;
        }

        @Override
        public String toString() {
            return key + (negated ? "!=" : "=") + value;
        }
    }

    public boolean test(Envelope envelope, ClinicalEvent event) {
        for (Condition c : conditions) {
            if (!c.test(envelope, event)) {
                return false;
            }
        }
        return true;
    }

    /** Parses the {@code filter} key; blank means no filter. */
    public static RouteFilter parse(String pid, String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Condition> list = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new InvalidConfigurationException(pid, "filter", ALLOWED, "has a condition without '=': '" + p + "'");
            }
            boolean negated = p.charAt(eq - 1) == '!';
            String key = p.substring(0, negated ? eq - 1 : eq).trim();
            String value = p.substring(eq + 1).trim();
            if (!KEYS.contains(key) && !(key.startsWith("attr.") && key.length() > 5)) {
                throw new InvalidConfigurationException(pid, "filter", ALLOWED, "has unknown key '" + key + "'");
            }
            if (key.equals("subject") && !Set.of("nhs", "local", "none").contains(value)) {
                throw new InvalidConfigurationException(pid, "filter", ALLOWED, "has subject '" + value + "'");
            }
            list.add(new Condition(key, value, negated));
        }
        return new RouteFilter(List.copyOf(list));
    }

    @Override
    public String toString() {
        return conditions.isEmpty() ? "-" : String.join(",", conditions.stream().map(Condition::toString).toList());
    }
}
