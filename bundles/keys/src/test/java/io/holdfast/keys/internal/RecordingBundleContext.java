package io.holdfast.keys.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A BundleContext that only supports registering services, recording what is currently registered. */
final class RecordingBundleContext implements InvocationHandler {
    final List<Object> registered = new CopyOnWriteArrayList<>();

    BundleContext proxy() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class}, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (!method.getName().equals("registerService")) {
            throw new UnsupportedOperationException(method.getName());
        }
        Object service = args[1];
        registered.add(service);
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                (p, m, a) -> {
                    if (!m.getName().equals("unregister")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    if (!registered.remove(service)) {
                        throw new IllegalStateException("already unregistered");
                    }
                    return null;
                });
    }
}
