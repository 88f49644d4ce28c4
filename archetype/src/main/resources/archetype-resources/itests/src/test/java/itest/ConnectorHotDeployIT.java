#set( $wireName = $connectorName.toUpperCase().replace("-", "_") )
package ${package}.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.holdfast.api.event.Appointment;
import io.holdfast.api.event.EventKey;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.karaf.HoldfastDistribution;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import io.holdfast.testkit.karaf.KernelBundles;
import io.holdfast.testkit.karaf.KernelTestSupport;
import java.io.File;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The connector on the real Holdfast distribution, hot-deployed the way an admin does it: allow its transport and
 * format in the inventory, add the target and a route, configure a feed, {@code feature:repo-add} and
 * {@code feature:install ${connectorName}}. The feed polls the booking system (outside Karaf), Intake journals each
 * appointment, routing delivers it through this connector's transport, and the booking system stores it (ACKED).
 * The shell command works; {@code feature:uninstall} removes the connector. No kernel bundle is stopped, re-resolved
 * or refreshed meanwhile.
 */
public class ConnectorHotDeployIT extends KernelTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String FEATURE = "${connectorName}";
    private static final Set<String> CONNECTOR_BUNDLES = Set.of("${package}.connector");
    private static final String TRANSPORT = "${wireName}";
    private static final String FEED_PID = "${package}.feed";
    private static final String SOURCE = "booking-it";
    private static final String TARGET = "booking-it-inbox";

    /** The last refusal seen while waiting, for the failure message. */
    private volatile String lastProblem = "";

    /**
     * Runs in the test JVM: the booking system starts there, and Karaf finds this project's bundles in
     * {@code target/connector-repository} (a repository-layout copy, so this works without {@code mvn install}).
     */
    @Override
    @Configuration
    public Option[] configuration() {
        String repository = new File(System.getProperty("connector.repository")).getAbsolutePath();
        return OptionUtils.combine(HoldfastDistribution.options(),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                        + "file:" + repository + "@id=connector.repository@snapshots"),
                systemProperty("connector.features").value(System.getProperty("connector.features")),
                // exam's extender waits this long (10 s by default) for its invoker, which starts only once the kernel's
                // boot features are in: a loaded machine took longer, and the probe never ran
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("300000"),
                systemProperty("booking.url").value(RemoteBookingSystem.start()));
    }

    @Test
    public void installedByAnAdminItCarriesAppointmentsAndLeavesTheKernelAloneWhenRemoved() throws Exception {
        KarafShell shell = shell();
        String bookingUrl = System.getProperty("booking.url");
        allowTransportAndFormat();
        await("inventory accepts target " + TARGET, () -> saved(new DownstreamSystem(TARGET, "Booking system inbox (itest)",
                Optional.empty(), "dev", TRANSPORT, new WireFormat(TRANSPORT, "1"), bookingUrl + "/inbox", AuthPattern.NONE,
                Optional.empty(), Optional.empty())));
        factoryConfiguration("io.holdfast.route", "${connectorName}-it", "sources", SOURCE, "targets", TARGET);
        await("route listed by holdfast:routes", () -> output(shell, "holdfast:routes").contains("${connectorName}-it"));
        factoryConfiguration(FEED_PID, "it", "name", "it", "baseUrl", bookingUrl, "sourceSystem", SOURCE, "pollIntervalSeconds", "1");

        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, KernelBundles.kernel(features, CONNECTOR_BUNDLES))) {
            assertTrue("the watch covers holdfast-kernel's bundles",
                    watch.watchedBundles() >= KernelBundles.featureBundles(bundleContext, features).size());
            shell.run("feature:repo-add " + System.getProperty("connector.features"));
            String simulation = shell.simulateInstall(bundleContext, FEATURE);
            assertTrue("the simulation installs the connector bundle:\n" + simulation, simulation.contains("connector"));
            assertFalse("feature:install -t -v reports bundles to refresh:\n" + simulation, simulation.contains("to refresh"));
            shell.run("feature:install " + FEATURE);

            for (int n = 1; n <= RemoteBookingSystem.SAMPLES; n++) {
                EventKey key = new EventKey(Appointment.TYPE, Identifier.LOCAL_PREFIX + RemoteBookingSystem.ISSUER, "APT-" + (1000 + n));
                await(key.value() + " journaled and ACKED by the booking system", () -> acked(key));
            }
            assertTrue(shell.run("holdfast:${connectorName}-poll it").startsWith("it: "));
            try {
                shell.run("holdfast:${connectorName}-poll nosuch");
                fail("an unknown feed must be an error");
            } catch (Exception expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("no feed 'nosuch'") && !expected.getMessage().contains("\n"));
            }

            shell.run("feature:uninstall " + FEATURE);
            await("connector bundle gone", () -> connectorBundles().isEmpty());
            await("feed gone from Health", () -> health.components().stream().noneMatch(c -> c.component().equals("${connectorName}:it")));
            assertFalse(features.isInstalled(features.getFeature(FEATURE)));
            assertEquals("kernel bundles disturbed by install and uninstall (framework refreshes meanwhile: "
                    + watch.frameworkRefreshes() + ")", List.of(), watch.disturbances());
        }
    }

    /** What an admin does once per Holdfast instance: the inventory accepts this vendor transport and format. */
    private void allowTransportAndFormat() throws Exception {
        org.osgi.service.cm.Configuration c = configurationAdmin.getConfiguration("io.holdfast.inventory", "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put("extraTransports", new String[] {TRANSPORT});
        props.put("extraFormats", new String[] {TRANSPORT});
        c.update(props);
    }

    private void factoryConfiguration(String factoryPid, String name, String... keyValues) throws Exception {
        org.osgi.service.cm.Configuration c = configurationAdmin.getFactoryConfiguration(factoryPid, name, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        c.update(props);
    }

    /**
     * Saves through the Inventory service registered now: a configuration change re-creates the inventory component,
     * so an instance looked up before it (such as the injected one) keeps the old rules.
     */
    private boolean saved(DownstreamSystem system) {
        ServiceReference<Inventory> ref = bundleContext.getServiceReference(Inventory.class);
        if (ref == null) {
            lastProblem = "no Inventory service registered";
            return false;
        }
        try {
            bundleContext.getService(ref).save(system);
            return true;
        } catch (RuntimeException notYet) {
            lastProblem = notYet.getMessage();
            return false;
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    private boolean acked(EventKey key) {
        return journal.byNaturalKey(key).stream().anyMatch(e -> e.stages().stream()
                .anyMatch(s -> s.stage() == Stage.ACKED && s.systemId().equals(TARGET)));
    }

    private List<Bundle> connectorBundles() {
        return List.of(bundleContext.getBundles()).stream().filter(b -> CONNECTOR_BUNDLES.contains(b.getSymbolicName())).toList();
    }

    private String output(KarafShell shell, String command) {
        try {
            return shell.run(command);
        } catch (Exception e) {
            lastProblem = command + ": " + e.getMessage();
            return "";
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, WAIT, condition, () -> (lastProblem.isEmpty() ? "" : "last problem: " + lastProblem + "; ")
                + "health: " + health.components());
    }
}
