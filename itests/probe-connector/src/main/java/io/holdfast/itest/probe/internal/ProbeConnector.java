package io.holdfast.itest.probe.internal;

import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Stands in for a hot-deployed connector: while its bundle is active it reports component
 * {@value #COMPONENT} UP to the kernel's {@link Health}, and removes it when stopped, so a test can see
 * the install and the uninstall through the kernel service alone.
 */
@Component(immediate = true)
public class ProbeConnector {
    static final String COMPONENT = "probe";

    @Reference
    private Health health;

    @Activate
    void activate() {
        health.report(COMPONENT, HealthState.UP, "test connector hot-deployed by HotDeployIT");
    }

    @Deactivate
    void deactivate() {
        health.remove(COMPONENT);
    }
}
