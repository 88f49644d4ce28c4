package io.holdfast.routing.internal.route;

import io.holdfast.api.kernel.Health;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enables {@link RouterService} once the route configurations present at activation are loaded
 * ({@link RouteLoadWatch}), so listeners that require the Router start only after routes are loaded.
 * (Route files named with {@code ~} are reported by the kernel's {@code MisnamedConfigFileCheck}.)
 */
@Component(immediate = true, service = {})
public class RouteLoadGate {
    private static final Logger LOG = LoggerFactory.getLogger(RouteLoadGate.class);
    /** How long the Router waits for the route configurations present at start. */
    static final long LOAD_TIMEOUT_MS = 60_000;

    private final RouteRegistry registry;
    private final ComponentContext context;
    private final RouteLoadWatch watch;
    private final Runnable onChange;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "holdfast-route-load");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public RouteLoadGate(@Reference RouteRegistry registry, @Reference ConfigurationAdmin configAdmin, @Reference Health health,
                         ComponentContext context) {
        this.registry = registry;
        this.context = context;
        Set<String> files = new HashSet<>(RouteConfigFiles.etc().map(RouteConfigFiles::routeFiles).orElse(java.util.List.of()));
        this.watch = new RouteLoadWatch(registry, health, pids(configAdmin), files,
                () -> context.enableComponent(RouterService.class.getName()));
        this.onChange = watch::check;
        registry.onChange(onChange);
        onChange.run();
        timer.schedule(watch::timedOut, LOAD_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static Set<String> pids(ConfigurationAdmin configAdmin) {
        Set<String> out = new HashSet<>();
        try {
            Configuration[] configs = configAdmin.listConfigurations("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "="
                    + RouteConfig.PID + ")");
            for (Configuration c : configs == null ? new Configuration[0] : configs) {
                out.add(c.getPid());
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Could not list route configurations ({}); the Router waits only for route files in etc", e.toString());
        }
        return out;
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(onChange);
        timer.shutdownNow();
        // The next activation waits for the routes again.
        context.disableComponent(RouterService.class.getName());
    }
}
