package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.fixture.LoopbackPorts;
import io.holdfast.testkit.karaf.HoldfastDistribution;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import io.holdfast.testkit.karaf.KernelBundles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;
import org.osgi.service.cm.Configuration;

/**
 * The inbound FHIR endpoint hot-deployed on the real distribution: an HTTP listener and a FHIR endpoint
 * configured in ConfigurationAdmin, {@code feature:install holdfast-fhir-endpoint}, a POSTed Patient is
 * answered 201 and is in the journal at that moment; {@code feature:uninstall} while a sender keeps
 * posting closes the port, and every Patient answered 201 is in the journal. No kernel bundle is
 * stopped or refreshed meanwhile.
 */
public class FhirEndpointIT extends KernelTestSupport {
    private static final long WAIT_MILLIS = 60_000;
    private static final String FEATURE = "holdfast-fhir-endpoint";
    private static final String API_KEY = "fhir-it-key";
    private static final String SOURCE = "itest-fhir";
    private static final String TARGET = "fhir-it-target";
    /** Installed with the feature and removed with it: not kernel. */
    private static final Set<String> FEATURE_BUNDLES = Set.of("io.holdfast.fhir-endpoint", "io.holdfast.lib-http", "io.holdfast.lib-fhir");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    public void aPostedPatientIs201AfterCommitAndNothingAnsweredIsLostOverUninstall() throws Exception {
        KarafShell shell = shell();
        int port = Integer.parseInt(HoldfastDistribution.freePort());
        List<String> created = new CopyOnWriteArrayList<>();
        List<Configuration> configurations = new ArrayList<>();
        assertFalse("precondition: " + FEATURE + " is not installed", features.isInstalled(features.getFeature(FEATURE)));
        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, KernelBundles.kernel(features, FEATURE_BUNDLES))) {
            configurations.add(routeToUnreachableTarget("fhir-it", SOURCE, TARGET, Transports.HTTP, WireFormat.fhirR4(), "http://127.0.0.1:9/fhir"));
            configurations.add(factoryConfiguration("io.holdfast.http.listener", "it", "port", Integer.toString(port), "bindAddress", "127.0.0.1"));
            configurations.add(factoryConfiguration("io.holdfast.fhir.endpoint", "pas", "listener", "it", "path", "/fhir/r4", "auth", "apikey",
                    "apiKeys", "pas:" + sha256(API_KEY), "sourceSystem", SOURCE));

            shell.run("feature:install " + FEATURE);
            Await.until("HTTP listener it on " + port, WAIT_MILLIS, () -> LoopbackPorts.listening(port));
            Await.until("holdfast:http-listeners shows /fhir/r4 on 127.0.0.1:" + port, WAIT_MILLIS, () -> {
                String out = output(shell, "holdfast:http-listeners");
                return out.contains("127.0.0.1:" + port) && out.contains("/fhir/r4");
            });

            HttpResponse<String> first = post(port, "FIT-1", nhsNumber(1));
            assertEquals("POST Patient: " + first.body(), 201, first.statusCode());
            assertTrue("Location " + first.headers().firstValue("Location"),
                    first.headers().firstValue("Location").orElse("").matches("/fhir/r4/Patient/[A-Za-z0-9.-]+/_history/1"));
            created.add("FIT-1");
            assertFalse("answered 201, so the journal has it already", journal.byMessageId("FIT-1").isEmpty());
            String trace = shell.run("holdfast:trace --message-id FIT-1");
            assertTrue(trace, trace.contains("via fhir:pas") && trace.contains("RECEIVED") && trace.contains("claim NEW"));
            assertEquals("a resend is a duplicate: 200", 200, post(port, "FIT-1b", nhsNumber(1)).statusCode());

            BusySender busy = BusySender.start(this, port, created);
            Await.until("the busy sender's first 201s", WAIT_MILLIS, () -> busy.createdCount() >= 3);
            shell.run("feature:uninstall " + FEATURE);
            Await.until("port closed after feature:uninstall", WAIT_MILLIS, () -> !LoopbackPorts.listening(port));
            busy.stop();
            assertFalse("holdfast:http-listeners went with the feature", shell.commands("holdfast").contains("holdfast:http-listeners"));
            assertTrue("no http:/fhir: status entry is left: " + health.components(), health.components().stream()
                    .noneMatch(c -> c.component().startsWith("http:") || c.component().startsWith("fhir:")));
            assertEquals("Patients answered 201 but missing from the journal (of " + created.size() + ")", List.of(), notJournaled(created));
            assertEquals("kernel bundles disturbed by install/uninstall of " + FEATURE + " (framework refreshes meanwhile: "
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

    private Configuration factoryConfiguration(String factoryPid, String name, String... kv) throws IOException {
        Configuration c = configurationAdmin.getFactoryConfiguration(factoryPid, name, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        for (int i = 0; i < kv.length; i += 2) {
            props.put(kv[i], kv[i + 1]);
        }
        c.update(props);
        return c;
    }

    HttpResponse<String> post(int port, String requestId, String nhsNumber) throws IOException, InterruptedException {
        String patient = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\""
                + nhsNumber + "\"}],\"name\":[{\"use\":\"official\",\"family\":\"Test\",\"given\":[\"Fhir\"]}],\"gender\":\"female\","
                + "\"birthDate\":\"1990-01-01\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/r4/Patient")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/fhir+json").header("apikey", API_KEY).header("X-Request-ID", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(patient)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The n-th valid NHS number (Modulus 11) of the 999 test range. */
    static String nhsNumber(int n) {
        for (int base = 999_000_000 + n * 7; ; base++) {
            String digits = Integer.toString(base);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                return digits + "0";
            }
            if (check != 10) {
                return digits + check;
            }
        }
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> notJournaled(List<String> requestIds) {
        List<String> missing = new ArrayList<>();
        for (String id : requestIds) {
            if (journal.byMessageId(id).isEmpty()) {
                missing.add(id);
            }
        }
        return missing;
    }

    private static String output(KarafShell shell, String command) {
        try {
            return shell.run(command);
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** A system that keeps POSTing new Patients and records those answered 201; stops when the endpoint goes. */
    private static final class BusySender implements Runnable {
        private final FhirEndpointIT test;
        private final int port;
        private final List<String> created;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final List<String> mine = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile Exception failure;

        private BusySender(FhirEndpointIT test, int port, List<String> created) {
            this.test = test;
            this.port = port;
            this.created = created;
            this.thread = new Thread(this, "fhir-it-busy-sender");
        }

        static BusySender start(FhirEndpointIT test, int port, List<String> created) {
            BusySender s = new BusySender(test, port, created);
            s.thread.start();
            return s;
        }

        int createdCount() {
            return mine.size();
        }

        @Override
        public void run() {
            for (int n = 2; !stopped.get(); n++) {
                String id = "FIT-U-" + n;
                try {
                    if (test.post(port, id, nhsNumber(n)).statusCode() == 201) {
                        mine.add(id);
                        created.add(id);
                    }
                } catch (IOException e) {
                    failure = e; // expected once the listener closes; a real sender would resend later
                    if (!LoopbackPorts.listening(port)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            thread.join(WAIT_MILLIS);
            assertFalse("the busy sender ended (last exception: " + failure + ")", thread.isAlive());
        }
    }
}
