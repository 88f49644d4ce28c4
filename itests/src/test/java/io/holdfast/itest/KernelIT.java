package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundles;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.features.Feature;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;

/** The distribution boots holdfast-kernel: bundles active, services up, commands answer, features install cleanly. */
public class KernelIT extends KernelTestSupport {

    /**
     * Read-only holdfast:* command lines that must run without error on a fresh kernel. This is the one
     * place to update when a kernel bundle delivers a command.
     */
    static final List<String> COMMANDS = List.of(
            "holdfast:status",
            "holdfast:keys",
            "holdfast:systems",
            "holdfast:creds",
            "holdfast:certs",
            "holdfast:inflight",
            "holdfast:journal-verify",
            "holdfast:routes",
            "holdfast:outbox",
            "holdfast:deadletters",
            "holdfast:connectors");

    /** Entries of {@link #COMMANDS} that no kernel bundle provides yet; remove one when its bundle delivers it. */
    static final Set<String> NOT_YET_DELIVERED = Set.of(
            "holdfast:connectors");

    private static final long COMMAND_WAIT_MILLIS = 60_000;

    @Inject
    @Filter("(dataSourceName=holdfast)")
    private DataSource dataSource;

    @Test
    public void bootsTheKernelFeature() throws Exception {
        Feature kernel = features.getFeature(KernelBundles.KERNEL_FEATURE);
        assertTrue("holdfast-kernel is installed at boot", features.isInstalled(kernel));
        for (Feature feature : holdfastFeatures()) {
            if (!feature.getName().equals(KernelBundles.KERNEL_FEATURE)) {
                assertFalse(feature.getName() + " is in the system repository but must not be booted", features.isInstalled(feature));
            }
        }
    }

    @Test
    public void everyKernelAndHoldfastBundleIsActive() throws Exception {
        Set<String> locations = KernelBundles.featureLocations(features);
        Map<String, String> notActive = new LinkedHashMap<>();
        Set<String> installed = new TreeSet<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (locations.contains(bundle.getLocation()) || KernelBundles.isHoldfastBundle(bundle)) {
                installed.add(bundle.getLocation());
                if (bundle.getState() != Bundle.ACTIVE) {
                    notActive.put(bundle.getSymbolicName(), "state " + bundle.getState());
                }
            }
        }
        Set<String> missing = new TreeSet<>(locations);
        missing.removeAll(installed);
        assertEquals("bundles of holdfast-kernel that are not installed", Set.of(), missing);
        assertEquals("bundles that are not ACTIVE (2 = INSTALLED: unresolved, see data/log/karaf.log)", Map.of(), notActive);
    }

    @Test
    public void noKernelComponentIsDown() {
        List<ComponentHealth> components = health.components();
        List<String> down = new ArrayList<>();
        for (ComponentHealth component : components) {
            if (component.state() == HealthState.DOWN) {
                down.add(component.component() + ": " + component.detail());
            }
        }
        assertEquals("components DOWN on a fresh kernel (all: " + components + ")", List.of(), down);
    }

    @Test
    public void holdfastDataSourceIsDerbyUnderKarafData() throws Exception {
        String data = System.getProperty("karaf.data");
        assertEquals("derby.system.home (etc/custom.system.properties)",
                new File(data, "holdfast/derby").getCanonicalFile(),
                new File(System.getProperty("derby.system.home")).getCanonicalFile());
        try (var connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            assertEquals("Apache Derby", connection.getMetaData().getDatabaseProductName());
            assertEquals(new File(data, "holdfast/derby/holdfast").getCanonicalFile(),
                    new File(url.substring("jdbc:derby:".length())).getCanonicalFile());
        }
        assertTrue("derby.log is written next to the database, not in the working directory",
                new File(data, "holdfast/derby/derby.log").isFile());
    }

    @Test
    public void holdfastCommandsRunWithoutError() throws Exception {
        KarafShell shell = shell();
        Set<String> expected = new TreeSet<>();
        for (String line : COMMANDS) {
            expected.add(line.split(" ")[0]);
        }
        expected.removeAll(NOT_YET_DELIVERED);
        // a command is registered once the services it references are up, which can be after this test starts
        Set<String> registered = shell.awaitCommands("holdfast", expected, COMMAND_WAIT_MILLIS);
        Map<String, String> failures = new LinkedHashMap<>();
        for (String line : COMMANDS) {
            String command = line.split(" ")[0];
            if (NOT_YET_DELIVERED.contains(command) && !registered.contains(command)) {
                continue;
            }
            if (!registered.contains(command)) {
                failures.put(line, "not registered (a command shows up only once the services it references exist);"
                        + " registered: " + registered);
                continue;
            }
            try {
                shell.run(line);
            } catch (Exception e) {
                failures.put(line, e.toString());
            }
        }
        assertEquals("holdfast commands that failed", Map.of(), failures);
    }

    @Test
    public void installingAnyHoldfastFeatureWouldRefreshNothing() throws Exception {
        KarafShell shell = shell();
        Map<String, String> refreshing = new LinkedHashMap<>();
        for (Feature feature : holdfastFeatures()) {
            if (feature.getName().equals("holdfast-sandbox")) {
                // refused in production (requires holdfast.mode=sandbox: ProductionDefaultsIT); its connector
                // features are simulated here one by one
                continue;
            }
            String simulation = shell.simulateInstall(bundleContext, feature.getName());
            assertFalse("the simulation of " + feature.getName() + " reported nothing (is the log capture broken?)", simulation.isBlank());
            if (simulation.contains("to refresh")) {
                refreshing.put(feature.getName(), simulation);
            }
        }
        assertEquals("feature:install -t -v reports bundles to refresh", Map.of(), refreshing);
    }

    private List<Feature> holdfastFeatures() throws Exception {
        Set<String> names = new TreeSet<>();
        List<Feature> found = new ArrayList<>();
        for (Feature feature : features.listFeatures()) {
            if (feature.getName().startsWith("holdfast-") && names.add(feature.getName())) {
                found.add(feature);
            }
        }
        assertTrue("holdfast features found: " + names, names.contains(KernelBundles.KERNEL_FEATURE));
        return found;
    }
}
