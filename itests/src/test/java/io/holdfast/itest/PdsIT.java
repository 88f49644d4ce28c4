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
 * {@code feature:install holdfast-pds} alone into the running distribution (it brings holdfast-lib-fhir): the
 * connector bundle is ACTIVE, its PdsService and PDS_CHECK transport are registered, and no bundle that was there
 * before is refreshed, stopped or re-resolved; {@code feature:uninstall} removes only what the install added and
 * disturbs nothing either. The PDS
 * service type is looked up by name: nothing outside the connector compiles against it (build-rules).
 */
public class PdsIT extends KernelTestSupport {
    private static final String FEATURE = "holdfast-pds";
    private static final String BUNDLE = "io.holdfast.pds";
    private static final String SERVICE = "io.holdfast.pds.PdsService";
    private static final long WAIT_MILLIS = 60_000;

    /**
     * By reference only, without taking the service: asking the framework for the service object would make the test
     * probe (DynamicImport-Package *) wire to io.holdfast.pds, and the uninstall would then refresh the probe itself.
     */
    private boolean registered(String filter) {
        try {
            return bundleContext.getAllServiceReferences(null, filter) != null;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    public void hotInstallRegistersThePdsServiceAndRefreshesNothingElse() throws Exception {
        KarafShell shell = shell();
        assertFalse("precondition: " + FEATURE + " is not installed", features.isInstalled(features.getFeature(FEATURE)));
        Set<Long> before = Arrays.stream(bundleContext.getBundles()).map(Bundle::getBundleId).collect(Collectors.toSet());

        String simulation = shell.simulateInstall(bundleContext, FEATURE);
        assertTrue("the simulation installs the connector:\n" + simulation, simulation.contains("holdfast-pds"));
        assertFalse("feature:install -t -v reports bundles to refresh:\n" + simulation, simulation.contains("to refresh"));

        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, b -> before.contains(b.getBundleId()))) {
            shell.run("feature:install " + FEATURE);
            Await.until("PdsService registered", WAIT_MILLIS, () -> registered("(objectClass=" + SERVICE + ")"));
            Await.until("the PDS_CHECK transport registered", WAIT_MILLIS,
                    () -> registered("(&(objectClass=io.holdfast.api.spi.OutboundTransport)(holdfast.transport=PDS_CHECK))"));
            Optional<Bundle> connector = Arrays.stream(bundleContext.getBundles()).filter(b -> BUNDLE.equals(b.getSymbolicName())).findFirst();
            assertTrue(BUNDLE + " installed", connector.isPresent());
            assertEquals(BUNDLE + " ACTIVE", Bundle.ACTIVE, connector.get().getState());
            Set<String> verbs = Set.of("holdfast:pds-get", "holdfast:pds-trace", "holdfast:pds-mismatches");
            Set<String> registered = shell.awaitCommands("holdfast", verbs, WAIT_MILLIS);
            assertTrue("the PDS commands are registered: " + registered, registered.containsAll(verbs));
            assertEquals("bundles present before the install were disturbed (framework refreshes meanwhile: "
                    + watch.frameworkRefreshes() + ")", List.of(), watch.disturbances());
        }

        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, b -> before.contains(b.getBundleId()))) {
            shell.run("feature:uninstall " + FEATURE);
            Await.until(BUNDLE + " gone after feature:uninstall", WAIT_MILLIS,
                    () -> Arrays.stream(bundleContext.getBundles()).noneMatch(b -> BUNDLE.equals(b.getSymbolicName())));
            Await.until("only bundles of " + FEATURE + " (and holdfast-lib-fhir it brought) removed", WAIT_MILLIS,
                    () -> before.equals(Arrays.stream(bundleContext.getBundles()).map(Bundle::getBundleId).collect(Collectors.toSet())));
            assertEquals("bundles present before the install were disturbed by the uninstall", List.of(), watch.disturbances());
        }
    }
}
