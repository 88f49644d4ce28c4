package io.holdfast.routing.internal.route;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import java.util.Map;
import java.util.Optional;
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
 * One instance per route configuration ({@code etc/io.holdfast.route-<name>.cfg}). A valid
 * configuration becomes an active route; an invalid one is logged once, shown as
 * {@code route:<name>} DOWN in {@code holdfast:status}, and routes nothing (never half-active).
 * An edit is applied live ({@link Modified}) and swaps the route in one step
 * ({@link RouteRegistry#apply}): no event arriving during the edit finds no route.
 */
@Component(service = {}, configurationPid = RouteConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = RouteConfig.class, factory = true)
public class RouteComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RouteComponent.class);

    private final RouteRegistry registry;
    private final Health health;
    private String pid;
    private String healthName;

    @Activate
    public RouteComponent(@Reference RouteRegistry registry, @Reference Health health, RouteConfig config,
                          Map<String, Object> properties) {
        this.registry = registry;
        this.health = health;
        apply(config, properties);
    }

    @Modified
    public void modified(RouteConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    private synchronized void apply(RouteConfig config, Map<String, Object> properties) {
        pid = String.valueOf(properties.getOrDefault("service.pid", RouteConfig.PID));
        String name = config.name().isBlank() ? nameFrom(pid, properties) : config.name().trim();
        Optional<String> file = RouteConfigFiles.fileName(properties.get("felix.fileinstall.filename"));
        String newHealthName = "route:" + name;
        if (healthName != null && !healthName.equals(newHealthName)) {
            health.remove(healthName);
        }
        healthName = newHealthName;
        try {
            RouteDefinition route = RouteDefinition.from(pid, name, config);
            registry.apply(pid, file, Optional.of(route));
            health.report(healthName, HealthState.UP, route.sources() + " " + route.eventTypes() + " -> " + route.targets()
                    + (route.ordered() ? " ordered" : ""));
        } catch (InvalidConfigurationException e) {
            registry.apply(pid, file, Optional.empty());
            LOG.error("Route {} not active: {}", name, e.describe());
            health.report(healthName, HealthState.DOWN, e.describe());
        }
    }

    /**
     * The factory configuration's name: {@code adt-to-epr} from the file Karaf's file installer read
     * ({@code io.holdfast.route-adt-to-epr.cfg}), or from a PID {@code io.holdfast.route~adt-to-epr}
     * (a configuration created through ConfigAdmin with that name).
     */
    static String nameFrom(String pid, Map<String, Object> properties) {
        Optional<String> file = RouteConfigFiles.fileName(properties.get("felix.fileinstall.filename"));
        if (file.isPresent() && file.get().startsWith(RouteConfigFiles.PREFIX)) {
            return file.get().substring(RouteConfigFiles.PREFIX.length()).replaceFirst("\\.(cfg|config)$", "");
        }
        int tilde = pid.indexOf('~');
        if (tilde >= 0) {
            return pid.substring(tilde + 1);
        }
        return pid.startsWith(RouteConfig.PID + ".") ? pid.substring(RouteConfig.PID.length() + 1) : pid;
    }

    @Deactivate
    synchronized void deactivate() {
        if (pid != null) {
            registry.withdraw(pid);
        }
        if (healthName != null) {
            health.remove(healthName);
        }
    }
}
