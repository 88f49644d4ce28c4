package io.holdfast.testkit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component's configuration annotation as ConfigAdmin and DS would hand it over: the
 * annotation's own defaults (the shipped configuration), with the keys a test sets overridden.
 */
final class ConfigProxies {
    private ConfigProxies() {
    }

    static <A extends Annotation> A of(Class<A> type, Map<String, Object> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "annotationType" -> type;
                    case "toString" -> type.getSimpleName() + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> self == args[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
        return type.cast(proxy);
    }
}
