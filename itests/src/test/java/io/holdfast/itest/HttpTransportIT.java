package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.api.event.Admission;
import io.holdfast.api.event.Visit;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import io.holdfast.testkit.karaf.KernelBundles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.ServiceReference;

/**
 * {@code feature:install holdfast-transport-http} alone in the distribution: the HTTP {@link OutboundTransport}
 * is registered, no kernel bundle is stopped or refreshed, one routed event is delivered end to end (Intake,
 * outbox, dispatcher, this transport) to a loopback HTTP server in the test with {@code X-Request-ID} and
 * {@code X-Correlation-ID}, and is journaled SENT and ACKED with the status; {@code feature:uninstall} removes the
 * service again.
 */
public class HttpTransportIT extends KernelTestSupport {
    private static final String FEATURE = "holdfast-transport-http";
    private static final String BUNDLE = "io.holdfast.transport-http";
    private static final String ROUTE = "http-it";
    private static final String TARGET = "http-it-target";
    private static final String SOURCE = "http-it-source";
    private static final long WAIT_MILLIS = 30_000;

    @Inject
    @Filter(timeout = SERVICE_WAIT_MILLIS)
    private Intake intake;

    @Test
    public void installedAloneItDeliversARoutedEventAndLeavesWithUninstall() throws Exception {
        KarafShell shell = shell();
        assertFalse("precondition: " + FEATURE + " is not installed", features.isInstalled(features.getFeature(FEATURE)));
        java.io.File cfg = new java.io.File(System.getProperty("karaf.etc"), "io.holdfast.route-" + ROUTE + ".cfg");
        try (OneShotHttpServer server = new OneShotHttpServer();
             KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, KernelBundles.kernel(features, Set.of(BUNDLE)))) {
            shell.run("feature:install " + FEATURE);
            Await.until("the HTTP transport service", WAIT_MILLIS, () -> !httpTransports().isEmpty());
            assertEquals(BUNDLE, httpTransports().iterator().next().getBundle().getSymbolicName());

            inventory.save(new DownstreamSystem(TARGET, "HTTP IT target", Optional.empty(), "dev", Transports.HTTP, WireFormat.opaque(),
                    "http://127.0.0.1:" + server.port() + "/it/receive", AuthPattern.NONE, Optional.empty(), Optional.empty()));
            Files.writeString(cfg.toPath(), "sources = " + SOURCE + "\ntargets = " + TARGET + "\nheaders = http.method=PUT\n",
                    StandardCharsets.UTF_8);
            Await.until("route " + ROUTE + " in holdfast:routes", WAIT_MILLIS, () -> output(shell, "holdfast:routes").contains(ROUTE));

            IntakeReceipt receipt = accept("HIT-1");
            Await.until("ACKED journaled", WAIT_MILLIS, () -> lastStage(receipt.journalId()) == Stage.ACKED);

            assertEquals(1, server.requests().size());
            Map<String, String> request = server.requests().get(0);
            assertEquals("PUT /it/receive HTTP/1.1", request.get(":request-line"));
            assertEquals("HIT-1", request.get(":body"));
            assertEquals("application/octet-stream", request.get("content-type"));
            assertEquals("journal-" + receipt.journalId(), request.get("x-correlation-id"));
            List<StageEntry> stages = journal.find(receipt.journalId()).orElseThrow().stages();
            StageEntry sent = stages.stream().filter(s -> s.stage() == Stage.SENT).findFirst().orElseThrow();
            assertTrue("SENT names the X-Request-ID sent: " + sent.detail(), sent.detail().contains(request.get("x-request-id")));
            StageEntry acked = stages.get(stages.size() - 1);
            assertTrue("ACKED records the HTTP status (an empty 201 has no RESPONSE payload): " + acked.detail(),
                    acked.detail().startsWith("HTTP 201"));

            shell.run("feature:uninstall " + FEATURE);
            Await.until("the HTTP transport service gone", WAIT_MILLIS, () -> httpTransports().isEmpty());
            assertEquals("kernel bundles disturbed by install/uninstall of " + FEATURE, List.of(), watch.disturbances());
        } finally {
            Files.deleteIfExists(cfg.toPath());
            inventory.remove(TARGET);
            if (features.isInstalled(features.getFeature(FEATURE))) {
                shell.run("feature:uninstall " + FEATURE);
            }
        }
    }

    private Collection<ServiceReference<OutboundTransport>> httpTransports() {
        try {
            return bundleContext.getServiceReferences(OutboundTransport.class, "(holdfast.transport=HTTP)");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private IntakeReceipt accept(String messageId) throws Exception {
        Patient patient = new Patient(List.of(Identifier.local("ITPAS", "MRN-1")), List.of(HumanName.of("SMITH", "JO")),
                Optional.empty(), Gender.FEMALE, List.of(), List.of(), Optional.empty(), SensitivityFlag.U);
        Admission admission = new Admission(patient, Visit.of(Identifier.local("ITPAS", "V-" + messageId), new OrganisationRef("RXX01")),
                Optional.of(Instant.parse("2026-03-01T10:00:00Z")), Optional.empty());
        Envelope envelope = Envelope.of(messageId, SOURCE, "itest:http", WireFormat.opaque());
        return intake.accept(envelope, Payload.of(messageId.getBytes(StandardCharsets.UTF_8)), DecodeResult.decoded(admission),
                new FieldTrail()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private Stage lastStage(long journalId) {
        return journal.find(journalId).flatMap(e -> e.lastStage()).map(StageEntry::stage).orElse(Stage.RECEIVED);
    }

    private static String output(KarafShell shell, String command) {
        try {
            return shell.run(command);
        } catch (Exception e) {
            return e.toString();
        }
    }

    /**
     * A minimal HTTP/1.1 server on a loopback port (plain sockets: the container need not export the JDK's
     * com.sun.net.httpserver): reads each request's line, headers and Content-Length body, keeps them, answers 201.
     */
    static final class OneShotHttpServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::serve, "http-it-server");

        OneShotHttpServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<Map<String, String>> requests() {
            return List.copyOf(requests);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.setSoTimeout(10_000);
                    requests.add(read(s));
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedOrBroken) {
                    // closed at the end of the test, or a client that went away: the test's assertions tell
                }
            }
        }

        private static Map<String, String> read(Socket s) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            Map<String, String> request = new TreeMap<>();
            request.put(":request-line", in.readLine());
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                request.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            char[] body = new char[Integer.parseInt(request.getOrDefault("content-length", "0"))];
            for (int read = 0; read < body.length; ) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            request.put(":body", new String(body));
            return request;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
