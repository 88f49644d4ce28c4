package io.holdfast.ers.internal.config;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One {@code etc/io.holdfast.ers.role-<inventory id>.cfg}: validated at activation (a bad value fails the component,
 * {@code ers-role:<file>} DOWN in holdfast:status), then offered to the e-RS client and route target as a service.
 */
@Component(service = ErsRoleComponent.class, configurationPid = ErsRoleConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ErsRoleConfig.class, factory = true)
public class ErsRoleComponent {
    @Reference
    Health health;

    private ErsRole role;
    private String healthName;

    @Activate
    void activate(ErsRoleConfig config, java.util.Map<String, Object> properties) {
        healthName = "ers-role:" + properties.getOrDefault("felix.fileinstall.filename", properties.get("service.pid"));
        try {
            role = ErsRole.from(config);
        } catch (HoldfastException e) {
            health.report(healthName, HealthState.DOWN, e.describe());
            throw e;
        }
        health.report(healthName, HealthState.UP, "e-RS system '" + role.systemId() + "' as " + role.businessFunction());
    }

    @Deactivate
    void deactivate() {
        health.remove(healthName);
    }

    public ErsRole role() {
        return role;
    }
}
