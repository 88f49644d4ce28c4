package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * {@code feature:install holdfast-eps} alone into the running distribution: the connector bundle is ACTIVE, its
 * EpsService, EPS transport and EPS codec are registered, holdfast:eps-status is there (and refuses a malformed id with
 * one line), and no bundle that was there before is refreshed, stopped or re-resolved; {@code feature:uninstall}
 * removes only the connector and disturbs nothing either. The service type is looked up by name (build-rules).
 */
public class EpsIT extends KernelTestSupport {
    private static final String FEATURE = "holdfast-eps";
    private static final String BUNDLE = "io.holdfast.eps";
    private static final long WAIT_MILLIS = 60_000;

    /** By reference only: taking the service would wire the probe to io.holdfast.eps and the uninstall would refresh it. */
    private boolean registered(String filter) {
        try {
            return bundleContext.getAllServiceReferences(null, filter) != null;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    public void hotInstallRegistersTheEpsServicesAndRefreshesNothingElse() throws Exception {
        KarafShell shell = shell();
        assertFalse("precondition: " + FEATURE + " is not installed", features.isInstalled(features.getFeature(FEATURE)));
        Set<Long> before = Arrays.stream(bundleContext.getBundles()).map(Bundle::getBundleId).collect(Collectors.toSet());

        String simulation = shell.simulateInstall(bundleContext, FEATURE);
        assertTrue("the simulation installs the connector:\n" + simulation, simulation.contains("holdfast-eps"));
        assertFalse("feature:install -t -v reports bundles to refresh:\n" + simulation, simulation.contains("to refresh"));

        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, b -> before.contains(b.getBundleId()))) {
            shell.run("feature:install " + FEATURE);
            Await.until("EpsService registered", WAIT_MILLIS, () -> registered("(objectClass=io.holdfast.eps.EpsService)"));
            Await.until("the EPS transport registered", WAIT_MILLIS,
                    () -> registered("(&(objectClass=io.holdfast.api.spi.OutboundTransport)(holdfast.transport=EPS))"));
            Await.until("the EPS codec registered", WAIT_MILLIS,
                    () -> registered("(&(objectClass=io.holdfast.api.spi.Codec)(holdfast.format=EPS))"));
            Optional<Bundle> connector = Arrays.stream(bundleContext.getBundles()).filter(b -> BUNDLE.equals(b.getSymbolicName())).findFirst();
            assertTrue(BUNDLE + " installed", connector.isPresent());
            assertEquals(BUNDLE + " ACTIVE", Bundle.ACTIVE, connector.get().getState());
            Set<String> verbs = Set.of("holdfast:eps-status");
            Set<String> registered = shell.awaitCommands("holdfast", verbs, WAIT_MILLIS);
            assertTrue("the EPS command is registered: " + registered, registered.containsAll(verbs));
            try {
                shell.run("holdfast:eps-status EB8B1F-A83008-42DC8M");
                throw new AssertionError("a wrong check character must fail the command");
            } catch (Exception e) {
                assertTrue(e.getMessage(), e.getMessage().contains("wrong check character") && !e.getMessage().contains("\n"));
            }
            assertEquals("bundles present before the install were disturbed (framework refreshes meanwhile: "
                    + watch.frameworkRefreshes() + ")", List.of(), watch.disturbances());
        }

        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, b -> before.contains(b.getBundleId()))) {
            shell.run("feature:uninstall " + FEATURE);
            Await.until(BUNDLE + " gone after feature:uninstall", WAIT_MILLIS,
                    () -> Arrays.stream(bundleContext.getBundles()).noneMatch(b -> BUNDLE.equals(b.getSymbolicName())));
            Await.until("only the bundle of " + FEATURE + " removed", WAIT_MILLIS,
                    () -> before.equals(Arrays.stream(bundleContext.getBundles()).map(Bundle::getBundleId).collect(Collectors.toSet())));
            assertEquals("bundles present before the install were disturbed by the uninstall", List.of(), watch.disturbances());
        }
    }
}
