package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.karaf.HoldfastDistribution;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import io.holdfast.testkit.karaf.KernelBundles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The MESH connector hot-deployed the way an admin does it, against the MESH simulator (a child JVM): a
 * mailbox configuration is in ConfigurationAdmin before {@code feature:install holdfast-mesh}; a file a
 * partner mailbox sent is polled, journaled and only then acknowledged (the sender's tracking says
 * acknowledged, and {@code holdfast:trace} has it); {@code holdfast:mesh-mailboxes} shows the mailbox;
 * {@code feature:uninstall} stops the polling (a new message stays in the inbox, unacknowledged); a reinstall
 * resumes it from the same configuration. No kernel bundle is stopped or refreshed meanwhile.
 */
public class MeshIT extends KernelTestSupport {
    private static final long WAIT_MILLIS = 30_000;
    private static final String FEATURE = "holdfast-mesh";
    private static final String MAILBOX_PID = "io.holdfast.mesh.mailbox";
    private static final String CONNECTOR_BUNDLE = "io.holdfast.mesh";
    private static final String SHARED_KEY = "TestKey";
    private static final String PASSWORD = "password";
    private static final String HOLDFAST = "X26ABC2";
    private static final String PARTNER = "X26ABC1";
    private static final String WORKFLOW = "TEST_WORKFLOW";
    private static final int POLL_SECONDS = 1;
    private static final String TARGET = "itest-sink";

    @Test
    public void mailboxComesWithTheFeatureAcknowledgesAfterCommitAndStopsPollingWhenUninstalled() throws Exception {
        KarafShell shell = shell();
        int port = Integer.parseInt(HoldfastDistribution.freePort());
        Configuration mailbox = null;
        Configuration route = routeToUnreachableTarget("mesh-it", PARTNER, TARGET, Transports.HTTP, new WireFormat(WireFormat.OPAQUE, ""),
                "http://127.0.0.1:9/mesh-it");
        assertFalse("precondition: " + FEATURE + " is not installed", features.isInstalled(features.getFeature(FEATURE)));
        try (MeshSimulatorProcess simulator = MeshSimulatorProcess.start(port, SHARED_KEY, PARTNER + ":" + PASSWORD, HOLDFAST + ":" + PASSWORD);
             KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, KernelBundles.kernel(features, Set.of(CONNECTOR_BUNDLE)))) {
            assertTrue("the watch covers holdfast-kernel's bundles",
                    watch.watchedBundles() >= KernelBundles.featureBundles(bundleContext, features).size());
            MeshTestClient partner = new MeshTestClient(simulator.baseUrl(), SHARED_KEY, PASSWORD);
            mailbox = mailbox(simulator.baseUrl());
            byte[] firstContent = "MeshIT first file\n".getBytes(StandardCharsets.UTF_8);
            String first = partner.send(PARTNER, HOLDFAST, WORKFLOW, "first.txt", firstContent);

            shell.run("feature:install " + FEATURE);
            awaitStatus(partner, first, "acknowledged");
            String trace = shell.run("holdfast:trace --message-id " + first);
            assertTrue("acknowledged at MESH, so holdfast:trace shows it already:\n" + trace, trace.contains("from " + PARTNER + " via mesh:"
                    + HOLDFAST) && trace.contains("event FileTransfer") && trace.contains("claim NEW")
                    && trace.contains(firstContent.length + " bytes") && trace.contains("RECEIVED"));
            Await.value("holdfast:mesh-mailboxes shows " + HOLDFAST + " with a successful handshake", WAIT_MILLIS,
                    () -> output(shell, "holdfast:mesh-mailboxes"), out -> out.lines().anyMatch(l -> l.contains(HOLDFAST)
                            && l.contains(simulator.baseUrl()) && l.contains(POLL_SECONDS + "s") && l.contains(" ok ")));

            shell.run("feature:uninstall " + FEATURE);
            Await.until("the poller thread of " + HOLDFAST + " ends", WAIT_MILLIS, () -> !pollerRunning());
            assertFalse("holdfast:mesh-mailboxes went with the connector", shell.commands("holdfast").contains("holdfast:mesh-mailboxes"));
            assertTrue("no mesh:* status entry is left: " + health.components(),
                    health.components().stream().noneMatch(c -> c.component().startsWith("mesh:")));
            String second = partner.send(PARTNER, HOLDFAST, WORKFLOW, "second.txt", "MeshIT second file\n".getBytes(StandardCharsets.UTF_8));
            // Absence of polling can only be watched for a while: five poll intervals.
            long until = System.currentTimeMillis() + 5_000L * POLL_SECONDS;
            while (System.currentTimeMillis() < until) {
                assertEquals("nobody polls " + HOLDFAST + " after feature:uninstall", "accepted", partner.status(PARTNER, second));
                Thread.sleep(250);
            }
            assertTrue("the second file waits in the inbox", partner.inbox(HOLDFAST).contains(second));
            assertEquals("not journaled while the connector is away", List.of(), journal.byMessageId(second));

            shell.run("feature:install " + FEATURE);
            awaitStatus(partner, second, "acknowledged");
            assertEquals("the second file journaled once", 1, journal.byMessageId(second).size());
            assertEquals("the first file was not fetched again", 1, journal.byMessageId(first).size());
            assertFalse("inbox empty again", partner.inbox(HOLDFAST).contains(second));

            assertEquals("kernel bundles disturbed by install/uninstall/reinstall of " + FEATURE + " (framework refreshes meanwhile: "
                    + watch.frameworkRefreshes() + ")", List.of(), watch.disturbances());
        } finally {
            if (mailbox != null) {
                mailbox.delete();
            }
            route.delete();
            inventory.remove(TARGET);
            if (features.isInstalled(features.getFeature(FEATURE))) {
                shell.run("feature:uninstall " + FEATURE);
            }
        }
    }

    /** As an admin's etc/io.holdfast.mesh.mailbox-x26abc2.cfg would make it (clear secrets: sandbox/tests only). */
    private Configuration mailbox(String baseUrl) throws IOException {
        Configuration c = configurationAdmin.getFactoryConfiguration(MAILBOX_PID, HOLDFAST.toLowerCase(), "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("mailboxId", HOLDFAST);
        props.put("environment", "dev");
        props.put("baseUrl", baseUrl);
        props.put("password", PASSWORD);
        props.put("sharedKey", SHARED_KEY);
        props.put("workflowIds", "*"); // an empty list accepts nothing
        props.put("pollIntervalSeconds", Integer.toString(POLL_SECONDS));
        props.put("maxRetries", "0");
        c.update(props);
        return c;
    }

    private static void awaitStatus(MeshTestClient partner, String messageId, String status) throws InterruptedException {
        Await.value("MESH tracking of " + messageId + " says " + status, WAIT_MILLIS, () -> {
            try {
                return partner.status(PARTNER, messageId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, status::equals);
    }

    /** The mailbox component polls on a thread of its own, named after the mailbox. */
    private static boolean pollerRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("holdfast-mesh-" + HOLDFAST) && t.isAlive());
    }

    private static String output(KarafShell shell, String command) {
        try {
            return shell.run(command);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
