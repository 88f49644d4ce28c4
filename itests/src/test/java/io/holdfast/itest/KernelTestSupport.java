package io.holdfast.itest;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.holdfast.testkit.karaf.HoldfastDistribution;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

/**
 * Base of these pax-exam tests: the testkit's {@link io.holdfast.testkit.karaf.KernelTestSupport} (one
 * distribution per class, boot finished, kernel services injected), plus what only this module's tests
 * need in the container: where the probe connector's feature repository is, and the class path MeshIT
 * starts the MESH simulator with (both built by the itests pom).
 */
public abstract class KernelTestSupport extends io.holdfast.testkit.karaf.KernelTestSupport {
    static final String PROBE_FEATURES = "holdfast.probe.features";

    @Override
    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(HoldfastDistribution.options(),
                systemProperty(PROBE_FEATURES).value(requiredProperty(PROBE_FEATURES)),
                systemProperty(MeshSimulatorProcess.CLASSPATH_PROPERTY).value(requiredProperty(MeshSimulatorProcess.CLASSPATH_PROPERTY)));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the itests through Maven (failsafe sets it)");
        }
        return value;
    }
}
