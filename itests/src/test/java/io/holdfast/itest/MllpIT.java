package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.fixture.Hl7Samples;
import io.holdfast.testkit.fixture.LoopbackPorts;
import io.holdfast.testkit.fixture.MllpTestSender;
import io.holdfast.testkit.karaf.HoldfastDistribution;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import io.holdfast.testkit.karaf.KernelBundles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The MLLP connector hot-deployed the way an admin does it: a listener configuration is already in
 * ConfigurationAdmin when {@code feature:install holdfast-mllp} runs in the shell; the listener comes up
 * and answers a real ADT^A01 with AA only once it is durable (the journal has it at the moment the ACK
 * arrives); a second listener configured at runtime starts; {@code feature:uninstall} while a sender is
 * busy closes both ports, and every message that was ACKed is in the journal; a reinstall brings both
 * listeners back from their configurations. No kernel bundle is stopped or refreshed meanwhile.
 */
public class MllpIT extends KernelTestSupport {
    private static final long WAIT_MILLIS = 30_000;
    private static final String FEATURE = "holdfast-mllp";
    private static final String LISTENER_PID = "io.holdfast.mllp.listener";
    private static final String TARGET = "itest-epr";
    private static final String CONNECTOR_BUNDLE = "io.holdfast.mllp";
    /** Installed with the connector (holdfast-lib-hl7v2) and removed with it: not kernel. */
    private static final Set<String> CONNECTOR_BUNDLES = Set.of(CONNECTOR_BUNDLE, "io.holdfast.lib-hl7v2");

    @Test
    public void listenersComeWithTheFeatureAckAfterCommitAndSurviveUninstallAndReinstall() throws Exception {
        KarafShell shell = shell();
        int portA = Integer.parseInt(HoldfastDistribution.freePort());
        int portB = Integer.parseInt(HoldfastDistribution.freePort());
        List<String> acked = new CopyOnWriteArrayList<>();
        List<Configuration> configurations = new ArrayList<>();
        assertFalse("precondition: " + FEATURE + " is not installed", features.isInstalled(features.getFeature(FEATURE)));
        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, KernelBundles.kernel(features, CONNECTOR_BUNDLES))) {
            assertTrue("the watch covers holdfast-kernel's bundles",
                    watch.watchedBundles() >= KernelBundles.featureBundles(bundleContext, features).size());
            configurations.add(routeToUnreachableTarget("mllp-it", "itest-pas", TARGET, Transports.MLLP, WireFormat.hl7v2("2.4"),
                    "mllp://127.0.0.1:9"));
            configurations.add(listener("a", portA));

            shell.run("feature:install " + FEATURE);
            Await.until("listener a listening on " + portA, WAIT_MILLIS, () -> LoopbackPorts.listening(portA));
            admit(portA, "MIT-A-1", "VMIT-A1", acked);
            String trace = shell.run("holdfast:trace --message-id MIT-A-1");
            assertTrue("ACKed AA, so holdfast:trace shows it already:\n" + trace, trace.contains("via mllp:a")
                    && trace.contains("RECEIVED") && trace.contains("TRANSFORMED") && trace.contains("event Admission")
                    && trace.contains("claim NEW"));
            String listeners = listenersShowing(shell, portA);
            assertTrue(listeners, listeners.contains("Accepted"));

            configurations.add(listener("b", portB));
            Await.until("listener b (configured at runtime) listening on " + portB, WAIT_MILLIS, () -> LoopbackPorts.listening(portB));
            admit(portB, "MIT-B-1", "VMIT-B1", acked);
            listenersShowing(shell, portA, portB);

            BusySender busy = BusySender.start(portA, acked);
            Await.until("the busy sender's first ACKs", WAIT_MILLIS, () -> busy.ackCount() >= 3);
            shell.run("feature:uninstall " + FEATURE);
            Await.until("both ports closed after feature:uninstall", WAIT_MILLIS,
                    () -> !LoopbackPorts.listening(portA) && !LoopbackPorts.listening(portB));
            busy.stop();
            assertFalse("connector bundle gone", bundle(CONNECTOR_BUNDLE).isPresent());
            assertFalse("holdfast:mllp-listeners went with the connector",
                    shell.commands("holdfast").contains("holdfast:mllp-listeners"));
            assertTrue("no mllp:* status entry is left: " + health.components(),
                    health.components().stream().noneMatch(c -> c.component().startsWith("mllp:")));
            assertEquals("ACKed messages missing from the journal (of " + acked.size() + " ACKed)", List.of(), notJournaled(acked));

            shell.run("feature:install " + FEATURE);
            Await.until("both listeners back after the reinstall", WAIT_MILLIS,
                    () -> LoopbackPorts.listening(portA) && LoopbackPorts.listening(portB));
            admit(portA, "MIT-A-2", "VMIT-A2", acked);
            admit(portB, "MIT-B-2", "VMIT-B2", acked);
            listenersShowing(shell, portA, portB);
            assertEquals("ACKed messages missing from the journal", List.of(), notJournaled(acked));

            assertEquals("kernel bundles disturbed by install/uninstall/reinstall of " + FEATURE + " (framework refreshes meanwhile: "
                    + watch.frameworkRefreshes() + ")", List.of(), watch.disturbances());
        } finally {
            for (Configuration c : configurations) {
                c.delete();
            }
            if (features.isInstalled(features.getFeature(FEATURE))) {
                shell.run("feature:uninstall " + FEATURE);
            }
            inventory.remove(TARGET);
        }
    }

    /** A listener configuration as an admin's etc/io.holdfast.mllp.listener-NAME.cfg would make it, for any bundle. */
    private Configuration listener(String name, int port) throws IOException {
        Configuration c = configurationAdmin.getFactoryConfiguration(LISTENER_PID, name, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("port", Integer.toString(port));
        props.put("bindAddress", "127.0.0.1");
        props.put("sourceSystem", "itest-pas");
        c.update(props);
        return c;
    }

    private static void admit(int port, String controlId, String visit, List<String> acked) throws IOException {
        String ack = MllpTestSender.sendOnce(port, Hl7Samples.adtA01OriginalAck(controlId, visit));
        assertEquals("MSA-1 for " + controlId + ": " + ack, "AA", MllpTestSender.ackCode(ack));
        assertEquals("MSA-2 echoes MSH-10", controlId, MllpTestSender.ackedControlId(ack));
        acked.add(controlId);
    }

    /** holdfast:mllp-listeners once it lists a running listener on each port. */
    private static String listenersShowing(KarafShell shell, int... ports) throws InterruptedException {
        return Await.value("holdfast:mllp-listeners lists 127.0.0.1 on " + java.util.Arrays.toString(ports), WAIT_MILLIS,
                () -> output(shell, "holdfast:mllp-listeners"), out -> java.util.Arrays.stream(ports)
                        .allMatch(p -> out.contains("127.0.0.1:" + p)));
    }

    private List<String> notJournaled(List<String> controlIds) {
        List<String> missing = new ArrayList<>();
        for (String id : controlIds) {
            if (journal.byMessageId(id).isEmpty()) {
                missing.add(id);
            }
        }
        return missing;
    }

    private java.util.Optional<Bundle> bundle(String symbolicName) {
        return java.util.Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    private static String output(KarafShell shell, String command) {
        try {
            return shell.run(command);
        } catch (Exception e) {
            return e.toString();
        }
    }

    /**
     * A PAS that keeps sending admissions on one connection, each after the previous ACK, and records those
     * answered AA. When its connection breaks (the listener went away) it stops: what it did not get an AA
     * for, a real sender would resend later.
     */
    private static final class BusySender implements Runnable {
        private final int port;
        private final List<String> acked;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final List<String> mine = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile Exception failure;

        private BusySender(int port, List<String> acked) {
            this.port = port;
            this.acked = acked;
            this.thread = new Thread(this, "mllp-it-busy-sender");
        }

        static BusySender start(int port, List<String> acked) {
            BusySender s = new BusySender(port, acked);
            s.thread.start();
            return s;
        }

        int ackCount() {
            return mine.size();
        }

        @Override
        public void run() {
            try (MllpTestSender sender = MllpTestSender.connect(port)) {
                for (int n = 1; !stopped.get(); n++) {
                    String id = "MIT-U-" + n;
                    String ack = sender.send(Hl7Samples.adtA01OriginalAck(id, "VMIT-U" + n));
                    if (MllpTestSender.ackCode(ack).equals("AA")) {
                        mine.add(id);
                        acked.add(id);
                    }
                }
            } catch (IOException e) {
                failure = e; // expected once the listener closes
            }
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            thread.join(WAIT_MILLIS);
            assertFalse("the busy sender ended (last exception: " + failure + ")", thread.isAlive());
        }
    }
}
