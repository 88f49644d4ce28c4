package io.holdfast.testkit.karaf;

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
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Watches the kernel while something else is installed or removed. It records every bundle event that
 * means a watched bundle was stopped, unresolved, re-resolved, updated or uninstalled, and it compares
 * each watched bundle's wiring at the end with the one at the start: a refreshed bundle gets a new
 * wiring even if no event was missed. Framework refreshes are kept as context for the failure message.
 */
public final class KernelBundleWatch implements BundleListener, FrameworkListener, AutoCloseable {
    private static final int DISTURBING_EVENTS = BundleEvent.STOPPED | BundleEvent.UNRESOLVED | BundleEvent.RESOLVED
            | BundleEvent.UPDATED | BundleEvent.UNINSTALLED;

    private final BundleContext context;
    private final Predicate<Bundle> watched;
    private final Map<Bundle, BundleWiring> wiringAtStart = new LinkedHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> frameworkRefreshes = new CopyOnWriteArrayList<>();

    private KernelBundleWatch(BundleContext context, Predicate<Bundle> watched) {
        this.context = context;
        this.watched = watched;
    }

    public static KernelBundleWatch start(BundleContext context, Predicate<Bundle> watched) {
        KernelBundleWatch watch = new KernelBundleWatch(context, watched);
        for (Bundle bundle : context.getBundles()) {
            if (watched.test(bundle)) {
                watch.wiringAtStart.put(bundle, bundle.adapt(BundleWiring.class));
            }
        }
        context.addBundleListener(watch);
        context.addFrameworkListener(watch);
        return watch;
    }

    /** How many bundles are under watch (a watch over nothing proves nothing). */
    public int watchedBundles() {
        return wiringAtStart.size();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if ((event.getType() & DISTURBING_EVENTS) != 0 && watched.test(event.getBundle())) {
            events.add(describe(event.getBundle()) + " " + eventName(event.getType()));
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
            frameworkRefreshes.add("PACKAGES_REFRESHED");
        }
    }

    /** Everything that happened to a watched bundle since {@link #start}; empty when the kernel was left alone. */
    public List<String> disturbances() {
        List<String> found = new ArrayList<>(events);
        wiringAtStart.forEach((bundle, wiring) -> {
            if (bundle.adapt(BundleWiring.class) != wiring) {
                found.add(describe(bundle) + " has a new wiring (refreshed)");
            }
        });
        return found;
    }

    /** Framework refresh events seen meanwhile (normal: uninstalling a feature refreshes the removed bundles). */
    public List<String> frameworkRefreshes() {
        return List.copyOf(frameworkRefreshes);
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
        context.removeFrameworkListener(this);
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + "/" + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    private static String eventName(int type) {
        switch (type) {
            case BundleEvent.STOPPED: return "STOPPED";
            case BundleEvent.UNRESOLVED: return "UNRESOLVED";
            case BundleEvent.RESOLVED: return "RESOLVED";
            case BundleEvent.UPDATED: return "UPDATED";
            case BundleEvent.UNINSTALLED: return "UNINSTALLED";
            default: return "event " + type;
        }
    }
}
