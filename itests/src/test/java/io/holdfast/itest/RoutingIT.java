package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.event.Admission;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.Visit;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Intake;
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
import io.holdfast.api.spi.Codec;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import io.holdfast.testkit.karaf.KernelBundles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.ServiceRegistration;

/**
 * A route between two test endpoints is added and removed at runtime, the way an admin does it (a
 * {@code etc/io.holdfast.route-<name>.cfg} file picked up by fileinstall): events from the test source
 * are then journaled, scheduled in the outbox with the Intake commit, delivered by the dispatcher
 * through a test transport with a deterministic request id, and journaled SENT/ACKED; after the file
 * is deleted nothing is routed any more. No kernel bundle is stopped or refreshed meanwhile.
 */
public class RoutingIT extends KernelTestSupport {
    /** A first boot on a loaded CI machine can take longer than pax-exam's default 10 s to offer kernel services. */
    private static final String ROUTE = "it-route";
    private static final String TARGET = "it-target";
    private static final String SOURCE = "it-source";
    private static final String FORMAT = WireFormat.OPAQUE;
    private static final long WAIT_MILLIS = 30_000;

    @Inject
    @Filter(timeout = SERVICE_WAIT_MILLIS)
    private Intake intake;

    @Test
    public void aRouteAddedAtRuntimeDeliversAndStopsRoutingWhenRemoved() throws Exception {
        KarafShell shell = shell();
        List<OutboundRequest> received = new CopyOnWriteArrayList<>();
        List<ServiceRegistration<?>> registrations = registerTestEndpoint(received);
        inventory.save(new DownstreamSystem(TARGET, "Routing IT target", Optional.empty(), "dev", Transports.HTTP,
                new WireFormat(FORMAT, ""), "http://127.0.0.1:9/routing-it", AuthPattern.NONE, Optional.empty(), Optional.empty()));
        File cfg = new File(System.getProperty("karaf.etc"), "io.holdfast.route-" + ROUTE + ".cfg");
        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, KernelBundles.kernel(features, Set.of()))) {
            Files.writeString(cfg.toPath(), "sources = " + SOURCE + "\neventTypes = Admission\ntargets = " + TARGET
                    + "\nordered = true\nmaxAttempts = 3\ninitialBackoffMs = 100\nmaxBackoffMs = 1000\n", StandardCharsets.UTF_8);
            await("route " + ROUTE + " active in holdfast:routes", () -> output(shell, "holdfast:routes").contains(ROUTE));

            IntakeReceipt first = accept("RIT-1", "V1", "SMITH");
            assertEquals(List.of(TARGET), first.events().get(0).routedTo());
            await("delivery to the test transport", () -> received.size() == 1);
            await("ACKED journaled", () -> lastStage(first.journalId()) == Stage.ACKED);
            StageEntry sent = journal.find(first.journalId()).orElseThrow().stages().stream()
                    .filter(s -> s.stage() == Stage.SENT).findFirst().orElseThrow();
            assertTrue("SENT names the request id: " + sent.detail(), sent.detail().contains(received.get(0).requestId()));
            assertEquals(Optional.of("none@v0"), sent.credential());
            assertTrue(output(shell, "holdfast:outbox").contains(TARGET));

            // The same event again (a sender retry) is a duplicate: nothing more is sent.
            IntakeReceipt retry = accept("RIT-2", "V1", "SMITH");
            assertTrue(retry.allDuplicates());

            Files.delete(cfg.toPath());
            await("route gone from holdfast:routes", () -> !output(shell, "holdfast:routes").contains(ROUTE));
            // ACK means routed: with no route left, production Intake (require-route) refuses the new event.
            IntakeRefusedException refused = refusal(() -> accept("RIT-3", "V2", "JONES"));
            assertEquals(IntakeRefusedException.Reason.NO_ROUTE, refused.reason());
            TimeUnit.MILLISECONDS.sleep(500);
            assertEquals("requests after the route was removed", 1, received.size());
            assertTrue("no route:" + ROUTE + " status entry is left: " + health.components(),
                    health.components().stream().noneMatch(c -> c.component().equals("route:" + ROUTE)));

            assertEquals("kernel bundles disturbed while the route came and went", List.of(), watch.disturbances());
        } finally {
            Files.deleteIfExists(cfg.toPath());
            inventory.remove(TARGET);
            registrations.forEach(ServiceRegistration::unregister);
        }
    }

    private List<ServiceRegistration<?>> registerTestEndpoint(List<OutboundRequest> received) {
        OutboundTransport transport = new OutboundTransport() {
            @Override
            public String transport() {
                return Transports.HTTP;
            }

            @Override
            public DeliveryResult deliver(OutboundRequest request) {
                received.add(request);
                return new DeliveryResult.Acknowledged("AA", Optional.empty());
            }
        };
        Codec<byte[]> codec = new Codec<>() {
            @Override
            public WireFormat format() {
                return new WireFormat(FORMAT, "");
            }

            @Override
            public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
                return DecodeResult.rejected("IT", "the routing IT codec only encodes");
            }

            @Override
            public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
                return (event.type() + "|" + event.digest().hex()).getBytes(StandardCharsets.UTF_8);
            }
        };
        Hashtable<String, Object> transportProps = new Hashtable<>();
        transportProps.put("holdfast.transport", Transports.HTTP);
        Hashtable<String, Object> codecProps = new Hashtable<>();
        codecProps.put("holdfast.format", FORMAT);
        return List.of(bundleContext.registerService(OutboundTransport.class, transport, transportProps),
                bundleContext.registerService(Codec.class, codec, codecProps));
    }

    private IntakeReceipt accept(String messageId, String visit, String family) throws Exception {
        Patient patient = new Patient(List.of(Identifier.local("ITPAS", "MRN-" + visit)), List.of(HumanName.of(family, "JO")),
                Optional.empty(), Gender.FEMALE, List.of(), List.of(), Optional.empty(), SensitivityFlag.U);
        Admission admission = new Admission(patient, Visit.of(Identifier.local("ITPAS", visit), new OrganisationRef("RXX01")),
                Optional.of(Instant.parse("2026-03-01T10:00:00Z")), Optional.of(Instant.parse("2026-03-01T10:00:00Z")));
        Envelope envelope = Envelope.of(messageId, SOURCE, "itest:routing", new WireFormat(FORMAT, ""));
        return intake.accept(envelope, Payload.of(messageId.getBytes(StandardCharsets.UTF_8)), DecodeResult.decoded(admission),
                new FieldTrail()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static IntakeRefusedException refusal(Callable<IntakeReceipt> call) throws Exception {
        try {
            IntakeReceipt receipt = call.call();
            throw new AssertionError("accepted without a route: " + receipt);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IntakeRefusedException refused) {
                return refused;
            }
            throw e;
        }
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

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, WAIT_MILLIS, condition);
    }
}
