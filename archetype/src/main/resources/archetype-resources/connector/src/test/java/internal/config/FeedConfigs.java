package ${package}.internal.config;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A {@link FeedConfig} as ConfigurationAdmin and DS would hand it over: given keys, defaults for the rest. */
public final class FeedConfigs {
    private FeedConfigs() {
    }

    public static FeedConfig of(Map<String, Object> values) {
        Map<String, Object> given = new HashMap<>(values);
        return (FeedConfig) Proxy.newProxyInstance(FeedConfig.class.getClassLoader(), new Class<?>[] {FeedConfig.class},
                (proxy, method, args) -> value(method, given));
    }

    /** A valid feed called {@code name} polling {@code baseUrl} every hour (tests poll by hand). */
    public static FeedConfig feed(String name, String baseUrl) {
        return of(Map.of("name", name, "baseUrl", baseUrl, "pollIntervalSeconds", 3600, "requestTimeoutSeconds", 5));
    }

    private static Object value(Method method, Map<String, Object> given) {
        if (method.getDeclaringClass() == Object.class || method.getName().equals("annotationType")) {
            return method.getName().equals("annotationType") ? FeedConfig.class : null;
        }
        Object v = given.containsKey(method.getName()) ? given.get(method.getName()) : method.getDefaultValue();
        if (v == null) {
            throw new IllegalStateException("no value and no default for " + method.getName());
        }
        return v;
    }
}
