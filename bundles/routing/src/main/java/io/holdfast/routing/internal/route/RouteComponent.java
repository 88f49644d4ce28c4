package io.holdfast.routing.internal.route;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance per {@code io.holdfast.route~<name>} configuration. A valid configuration becomes
 * an active route; an invalid one is logged once, shown as {@code route:<name>} DOWN in
 * {@code holdfast:status}, and routes nothing (never half-active).
 */
@Component(service = {}, configurationPid = RouteConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = RouteConfig.class, factory = true)
public class RouteComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RouteComponent.class);

    private final RouteRegistry registry;
    private final Health health;
    private String active;
    private String healthName;

    @Activate
    public RouteComponent(@Reference RouteRegistry registry, @Reference Health health, RouteConfig config,
                          Map<String, Object> properties) {
        this.registry = registry;
        this.health = health;
        apply(config, properties);
    }

    @Modified
    void modified(RouteConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    private synchronized void apply(RouteConfig config, Map<String, Object> properties) {
        String pid = String.valueOf(properties.getOrDefault("service.pid", RouteConfig.PID));
        String name = config.name().isBlank() ? nameFrom(pid, properties) : config.name().trim();
        withdraw();
        healthName = "route:" + name;
        try {
            RouteDefinition route = RouteDefinition.from(pid, name, config);
            registry.add(route);
            active = route.name();
            health.report(healthName, HealthState.UP, route.sources() + " " + route.eventTypes() + " -> " + route.targets()
                    + (route.ordered() ? " ordered" : ""));
        } catch (InvalidConfigurationException e) {
            LOG.error("Route {} not active: {}", name, e.describe());
            health.report(healthName, HealthState.DOWN, e.describe());
        }
    }

    /**
     * The factory configuration's name: {@code adt-to-epr} from {@code io.holdfast.route~adt-to-epr},
     * or from the file name Karaf's fileinstall used ({@code io.holdfast.route-adt-to-epr.cfg}).
     */
    static String nameFrom(String pid, Map<String, Object> properties) {
        int tilde = pid.indexOf('~');
        if (tilde >= 0) {
            return pid.substring(tilde + 1);
        }
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String f = file.toString();
            f = f.substring(f.lastIndexOf('/') + 1);
            String prefix = RouteConfig.PID + "-";
            if (f.startsWith(prefix)) {
                return f.substring(prefix.length()).replaceFirst("\\.(cfg|config|json)$", "");
            }
        }
        return pid.startsWith(RouteConfig.PID + ".") ? pid.substring(RouteConfig.PID.length() + 1) : pid;
    }

    private void withdraw() {
        if (active != null) {
            registry.remove(active);
            active = null;
        }
        if (healthName != null) {
            health.remove(healthName);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        withdraw();
    }
}
