package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import io.holdfast.testkit.karaf.KernelBundles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Credentials in the running distribution, driven through the shell as an admin would: a
 * downstream system is added, a PKCS#12 made with keytool (valid 20 days) is imported — after a
 * wrong passphrase and an unknown system are refused with nothing imported — and the certificate
 * shows in {@code holdfast:certs} as EXPIRING_30, with the OSGi event, and the TLS_MUTUAL provider
 * hands out material whose identity names the vault entry. No secret reaches the log, and no kernel
 * bundle is disturbed.
 */
public class CredentialsIT extends KernelTestSupport {
    /** A first boot on a loaded CI machine can take longer than pax-exam's default 10 s to offer kernel services. */
    private static final String SYSTEM = "spine-itest";
    private static final String PASSPHRASE = "itest-p12-Passphrase-7f3a";

    @Test
    public void importAPkcs12ThroughTheShellAndSeeItInCerts() throws Exception {
        KarafShell shell = shell();
        Set<String> needed = Set.of("holdfast:system-add", "holdfast:cred-import", "holdfast:creds", "holdfast:certs",
                "holdfast:certs-check");
        Set<String> registered = shell.awaitCommands("holdfast", needed, SERVICE_WAIT_MILLIS);
        assertTrue("commands registered: " + registered, registered.containsAll(needed));
        Path dir = Files.createTempDirectory("holdfast-creds-it");
        Path p12 = keytool(dir);
        Path pass = Files.writeString(dir.resolve("pass.txt"), PASSPHRASE);
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not-the-passphrase");
        List<Event> events = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "io/holdfast/cert/*");
        ServiceRegistration<EventHandler> handler = bundleContext.registerService(EventHandler.class, events::add, topics);
        // the commands can be registered before the credentials bundle's auth providers: the inventory refuses a
        // system whose auth pattern has no provider yet, as it should, so wait for the provider as an admin would
        awaitTlsMutualProvider();
        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, KernelBundles.kernel(features, Set.of()))) {
            String added = run(shell, "holdfast:system-add --name Spine-itest --env int --transport SPINE_EBXML"
                    + " --format HL7V3_EBXML --endpoint https://msg.int.example.nhs.uk/reliablemessaging --auth TLS_MUTUAL " + SYSTEM);
            assertTrue(added, added.contains("Added system " + SYSTEM));

            String unknown = failure(shell, "holdfast:cred-import --system no-such --passphrase-file " + pass + " " + p12);
            assertTrue(unknown, unknown.contains("HF-500"));
            String refused = failure(shell, "holdfast:cred-import --system " + SYSTEM + " --passphrase-file " + wrong + " " + p12);
            assertTrue(refused, refused.contains("HF-510") && refused.contains("nothing was imported"));
            assertFalse("nothing half-imported", run(shell, "holdfast:creds --env int").contains(SYSTEM));

            String imported = run(shell, "holdfast:cred-import --system " + SYSTEM + " --passphrase-file " + pass + " " + p12);
            assertTrue(imported, imported.contains("Imported int/" + SYSTEM) && imported.contains("ACTIVE"));

            String check = run(shell, "holdfast:certs-check");
            assertTrue(check, check.contains("CN=spine-itest") && check.contains("EXPIRING_30"));
            String certs = run(shell, "holdfast:certs");
            assertTrue(certs, certs.contains(SYSTEM) && certs.contains("EXPIRING_30") && certs.contains("Days left"));
            awaitEvent(events);

            ServiceReference<?>[] refs = bundleContext.getServiceReferences(AuthProvider.class.getName(), "(holdfast.auth.pattern=TLS_MUTUAL)");
            AuthProvider tls = (AuthProvider) bundleContext.getService(refs[0]);
            AuthMaterial material = tls.authenticate(inventory.require(SYSTEM));
            assertTrue(material.getClass().getName(), material instanceof AuthMaterial.Tls);
            assertTrue(material.identity().describe(), material.identity().describe().startsWith(SYSTEM + "@v1 sha256:"));

            assertEquals(HealthState.UP, health.components().stream().filter(c -> c.component().equals("credentials"))
                    .findFirst().orElseThrow().state());
            assertEquals("kernel bundles disturbed", List.of(), watch.disturbances());
        } finally {
            handler.unregister();
        }
        String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"), StandardCharsets.UTF_8);
        assertFalse("the PKCS#12 passphrase must never be logged", log.contains(PASSPHRASE));
    }

    private void awaitTlsMutualProvider() throws Exception {
        org.osgi.util.tracker.ServiceTracker<AuthProvider, AuthProvider> tracker = new org.osgi.util.tracker.ServiceTracker<>(
                bundleContext, bundleContext.createFilter("(&(objectClass=" + AuthProvider.class.getName()
                        + ")(holdfast.auth.pattern=TLS_MUTUAL))"), null);
        tracker.open();
        try {
            if (tracker.waitForService(SERVICE_WAIT_MILLIS) == null) {
                throw new AssertionError("no TLS_MUTUAL AuthProvider registered within " + SERVICE_WAIT_MILLIS + " ms\n"
                        + diagnostics());
            }
        } finally {
            tracker.close();
        }
    }

    /** What a person needs to see why the provider never came: the components that are not active, and the log's problems. */
    private String diagnostics() {
        StringBuilder out = new StringBuilder("components not active (scr:list):\n");
        try {
            shell().run("scr:list").lines().filter(l -> !l.contains("ACTIVE") && !l.isBlank())
                    .forEach(l -> out.append("  ").append(l).append('\n'));
        } catch (Exception e) {
            out.append("  scr:list failed: ").append(e).append('\n');
        }
        out.append("karaf.log WARN/ERROR lines:\n");
        try {
            Files.readAllLines(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("| WARN ") || l.contains("| ERROR ") || l.startsWith("Caused by") || l.contains("Exception"))
                    .limit(80).forEach(l -> out.append("  ").append(l).append('\n'));
        } catch (Exception e) {
            out.append("  log unreadable: ").append(e).append('\n');
        }
        return out.toString();
    }

    /** Runs a command; a failure names the command line, which the shell's own exception does not. */
    private static String run(KarafShell shell, String commandLine) {
        try {
            return shell.run(commandLine);
        } catch (Exception e) {
            throw new AssertionError("'" + commandLine + "' failed: " + e);
        }
    }

    /** A command that must fail (issue 12 point 11: a thrown exception, non-zero exit); returns its message. */
    private static String failure(KarafShell shell, String commandLine) {
        try {
            String output = shell.run(commandLine);
            throw new AssertionError("'" + commandLine + "' succeeded: " + output);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private static Path keytool(Path dir) throws Exception {
        Path p12 = dir.resolve("endpoint.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "itest", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=spine-itest,O=Holdfast itest",
                "-validity", "20", "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", PASSPHRASE,
                "-keypass", PASSPHRASE).redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "keytool.log")).start();
        assertTrue("keytool finished", p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("keytool exit code", 0, p.exitValue());
        return p12;
    }

    private static void awaitEvent(List<Event> events) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (events.stream().anyMatch(e -> "EXPIRING_30".equals(String.valueOf(e.getProperty("state"))))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no io/holdfast/cert/EXPIRING event with state EXPIRING_30; got " + events);
    }
}
