package io.holdfast.health.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The kernel's one Micrometer registry, offered as {@link MeterRegistry} (for components that
 * register meters) and as {@link CompositeMeterRegistry} (so an exporter such as Prometheus can
 * add its own registry and see every meter). A simple registry inside keeps meters readable by
 * {@code holdfast:status} before any exporter is installed.
 */
@Component(service = {MeterRegistry.class, CompositeMeterRegistry.class}, immediate = true)
public class KernelMeterRegistry extends CompositeMeterRegistry {

    public KernelMeterRegistry() {
        add(new SimpleMeterRegistry());
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
