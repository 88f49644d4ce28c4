package io.holdfast.journal.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A {@link JournalConfig} built outside OSGi (component tests, benchmarks): the annotation's own
 * defaults — the shipped configuration — with some keys overridden.
 */
public final class JournalConfigs {
    private JournalConfigs() {
    }

    public static JournalConfig defaults() {
        return with(Map.of());
    }

    public static JournalConfig with(Map<String, Object> overrides) {
        return (JournalConfig) Proxy.newProxyInstance(JournalConfig.class.getClassLoader(), new Class<?>[] {JournalConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> JournalConfig.class;
                    case "toString" -> "JournalConfig" + overrides;
                    case "hashCode" -> overrides.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue();
                });
    }
}
