package io.holdfast.inventory.internal;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The allowed values an inventory entry is checked against: configured environments plus the
 * built-in (and configured extra) transports and wire-format families.
 */
record InventoryRules(List<String> environments, Set<String> transports, Set<String> formatFamilies) {
    static final List<String> BUILT_IN_TRANSPORTS = List.of(Transports.HTTP, Transports.MLLP, Transports.MESH,
            Transports.SFTP, Transports.DB, Transports.SPINE_EBXML);
    static final List<String> BUILT_IN_FORMATS = List.of(WireFormat.HL7V2, WireFormat.FHIR, WireFormat.HL7V3_EBXML,
            WireFormat.ESR_FILE, WireFormat.OPAQUE);
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,15}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    InventoryRules {
        environments = List.copyOf(environments);
        transports = Set.copyOf(transports);
        formatFamilies = Set.copyOf(formatFamilies);
    }

    static InventoryRules defaults() {
        return new InventoryRules(List.of("dev", "test", "int", "live"), Set.copyOf(BUILT_IN_TRANSPORTS),
                Set.copyOf(BUILT_IN_FORMATS));
    }

    /** Builds the rules from configuration, naming the PID, key and allowed form of any bad value. */
    static InventoryRules from(InventoryConfig config) {
        List<String> environments = names(config.environments(), ENVIRONMENT, "environments",
                "lowercase names such as dev, test, int, live", false);
        if (environments.isEmpty()) {
            throw new InvalidConfigurationException(InventoryConfig.PID, "environments",
                    "at least one environment, e.g. dev,test,int,live", "is empty");
        }
        Set<String> transports = new LinkedHashSet<>(BUILT_IN_TRANSPORTS);
        transports.addAll(names(config.extraTransports(), NAME, "extraTransports", "uppercase names such as AS2", true));
        Set<String> formats = new LinkedHashSet<>(BUILT_IN_FORMATS);
        formats.addAll(names(config.extraFormats(), NAME, "extraFormats", "uppercase names such as CSV", true));
        return new InventoryRules(environments, transports, formats);
    }

    private static List<String> names(String[] values, Pattern pattern, String key, String allowed, boolean upper) {
        List<String> result = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String part : value.split(",")) {
                String name = upper ? part.trim().toUpperCase(Locale.ROOT) : part.trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (!pattern.matcher(name).matches()) {
                    throw new InvalidConfigurationException(InventoryConfig.PID, key, allowed, "has an invalid entry '" + part.trim() + "'");
                }
                if (!result.contains(name)) {
                    result.add(name);
                }
            }
        }
        return result;
    }

    String allowedTransports() {
        return String.join(", ", sorted(transports));
    }

    String allowedFormats() {
        return String.join(", ", sorted(formatFamilies));
    }

    private static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }
}
