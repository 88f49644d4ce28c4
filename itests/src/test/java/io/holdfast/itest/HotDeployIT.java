package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import io.holdfast.testkit.karaf.KernelBundles;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * A connector-shaped feature (holdfast-probe, from a test features repository) is installed, used,
 * uninstalled and reinstalled while the kernel keeps running: no kernel bundle may be stopped,
 * unresolved or refreshed meanwhile (STYLE.md §6).
 */
public class HotDeployIT extends KernelTestSupport {
    private static final String PROBE_FEATURE = "holdfast-probe";
    private static final String PROBE_BUNDLE = "io.holdfast.itest-probe-connector";
    private static final String PROBE_COMPONENT = "probe";
    private static final long WAIT_MILLIS = 30_000;

    @Test
    public void probeConnectorComesAndGoesWithoutTouchingTheKernel() throws Exception {
        KarafShell shell = shell();
        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, KernelBundles.kernel(features, Set.of(PROBE_BUNDLE)))) {
            assertTrue("the watch covers holdfast-kernel's bundles",
                    watch.watchedBundles() >= KernelBundles.featureBundles(bundleContext, features).size());

            shell.run("feature:repo-add " + System.getProperty("holdfast.probe.features"));

            String simulation = shell.simulateInstall(bundleContext, PROBE_FEATURE);
            assertTrue("the simulation lists the probe bundle to install:\n" + simulation,
                    simulation.contains("holdfast-itest-probe-connector"));
            assertFalse("feature:install -t -v reports bundles to refresh:\n" + simulation, simulation.contains("to refresh"));

            shell.run("feature:install " + PROBE_FEATURE);
            assertProbeUp();

            shell.run("feature:uninstall " + PROBE_FEATURE);
            awaitProbe(false);
            assertFalse("probe bundle is gone after feature:uninstall", probeBundle().isPresent());

            shell.run("feature:install " + PROBE_FEATURE);
            assertProbeUp();

            assertEquals("kernel bundles disturbed by the hot deploy (framework refreshes meanwhile: "
                    + watch.frameworkRefreshes() + ")", List.of(), watch.disturbances());
        }
    }

    private void assertProbeUp() throws InterruptedException {
        ComponentHealth probe = awaitProbe(true).orElseThrow();
        assertEquals(HealthState.UP, probe.state());
        assertEquals(Bundle.ACTIVE, probeBundle().orElseThrow().getState());
    }

    private Optional<ComponentHealth> awaitProbe(boolean present) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            Optional<ComponentHealth> probe = health.components().stream()
                    .filter(c -> c.component().equals(PROBE_COMPONENT))
                    .findFirst();
            if (probe.isPresent() == present) {
                return probe;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Health component '" + PROBE_COMPONENT + "' " + (present ? "did not appear" : "did not go away")
                        + " within " + WAIT_MILLIS + " ms; components: " + health.components());
            }
            Thread.sleep(100);
        }
    }

    private Optional<Bundle> probeBundle() {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (PROBE_BUNDLE.equals(bundle.getSymbolicName())) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }
}
