package ${package}.itest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Watches Holdfast's kernel bundles while a connector is installed and removed: records every event that means a
 * kernel bundle was stopped, unresolved, re-resolved, updated or uninstalled, and compares each bundle's wiring at the
 * end with the one at the start (a refreshed bundle has a new wiring even if no event was seen).
 */
final class KernelWatch implements BundleListener, AutoCloseable {
    private static final int DISTURBING = BundleEvent.STOPPED | BundleEvent.UNRESOLVED | BundleEvent.RESOLVED
            | BundleEvent.UPDATED | BundleEvent.UNINSTALLED;

    private final BundleContext context;
    private final Predicate<Bundle> kernel;
    private final Map<Bundle, BundleWiring> wiringAtStart = new LinkedHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    private KernelWatch(BundleContext context, Predicate<Bundle> kernel) {
        this.context = context;
        this.kernel = kernel;
    }

    /** Watches every io.holdfast bundle (and canonical-api) except the connector's own. */
    static KernelWatch start(BundleContext context, String connectorSymbolicNamePrefix) {
        KernelWatch watch = new KernelWatch(context, b -> b.getSymbolicName() != null
                && (b.getSymbolicName().startsWith("io.holdfast.") || b.getSymbolicName().equals("canonical-api"))
                && !b.getSymbolicName().startsWith(connectorSymbolicNamePrefix));
        for (Bundle bundle : context.getBundles()) {
            if (watch.kernel.test(bundle)) {
                watch.wiringAtStart.put(bundle, bundle.adapt(BundleWiring.class));
            }
        }
        context.addBundleListener(watch);
        return watch;
    }

    int watchedBundles() {
        return wiringAtStart.size();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if ((event.getType() & DISTURBING) != 0 && kernel.test(event.getBundle())) {
            events.add(event.getBundle().getSymbolicName() + " event " + event.getType());
        }
    }

    /** What happened to kernel bundles since {@link #start}; empty when the kernel was left alone. */
    List<String> disturbances() {
        List<String> found = new ArrayList<>(events);
        wiringAtStart.forEach((bundle, wiring) -> {
            if (bundle.adapt(BundleWiring.class) != wiring) {
                found.add(bundle.getSymbolicName() + " has a new wiring (refreshed)");
            }
        });
        return found;
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
    }
}
