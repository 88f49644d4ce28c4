package io.holdfast.pds.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.hl7v2.Hl7v2Codec;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.PdsService;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.TraceQuery;
import io.holdfast.pds.TraceResult;
import io.holdfast.pds.UpdateRequest;
import io.holdfast.pds.UpdateResult;
import io.holdfast.pds.internal.PdsFixture;
import io.holdfast.pds.internal.config.PdsSettings;
import io.holdfast.simulator.pds.PdsSimulator;
import io.holdfast.testkit.TestKernelBuilder;
import io.holdfast.testkit.fixture.Hl7Samples;
import io.holdfast.testkit.journal.JournalTrace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inbound ADT routed to a PDS_CHECK target: the event's patient is retrieved from the simulator, the birth date that
 * disagrees is flagged as the ACKED stage's detail (nothing else changes), and the mismatch listing finds it in the
 * journal again after a restart.
 */
class PdsCheckRouteTest {
    static final String CHECK = "pds-check";
    @TempDir
    Path dir;
    private final AtomicReference<PdsService> service = new AtomicReference<>();
    private final Hl7v2Codec codec = new Hl7v2Codec(ZoneId.of("Europe/London"));

    /** The transport must be registered before the kernel starts; the client exists only after. */
    private final PdsService late = new PdsService() {
        @Override
        public RetrieveResult retrieve(NhsNumber nhsNumber, CallContext context) {
            return service.get().retrieve(nhsNumber, context);
        }

        @Override
        public TraceResult trace(TraceQuery query, CallContext context) {
            return service.get().trace(query, context);
        }

        @Override
        public UpdateResult update(UpdateRequest request, CallContext context) {
            return service.get().update(request, context);
        }
    };

    private TestKernelBuilder withCheckRoute(TestKernelBuilder b) {
        PdsCheckTransport transport = new PdsCheckTransport(f -> Optional.of(codec), late);
        return b.codec(codec).transport(transport)
                .system(new DownstreamSystem(CHECK, "PDS check", Optional.empty(), "test", PdsCheckTransport.TRANSPORT, WireFormat.hl7v2("2.4"),
                        "test://" + CHECK, AuthPattern.NONE, Optional.empty(), Optional.empty()))
                .route("adt-check", CHECK);
    }

    @Test
    void aBirthDateThatDisagreesWithPdsIsFlaggedAndListedAfterARestart() throws Exception {
        try (PdsSimulator sim = PdsSimulator.builder().rateLimitPerSecond(0).start()) {
            ObjectNode p = (ObjectNode) new ObjectMapper().readTree("{\"resourceType\":\"Patient\",\"id\":\"" + Hl7Samples.NHS_NUMBER
                    + "\",\"meta\":{\"versionId\":\"2\",\"security\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\","
                    + "\"code\":\"U\"}]},\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"" + Hl7Samples.NHS_NUMBER
                    + "\"}],\"name\":[{\"id\":\"n1\",\"use\":\"usual\",\"family\":\"Smith\",\"given\":[\"Joanne\"]}],\"gender\":\"female\","
                    + "\"birthDate\":\"1980-02-02\"}");
            sim.patients().put(p);
            PdsSettings settings = PdsSettings.defaults(PdsFixture.SYSTEM).withTps(50);
            try (PdsFixture pds = PdsFixture.start(dir, sim.fhirBaseUrl(), settings, Optional.empty(), this::withCheckRoute)) {
                service.set(pds.client);
                byte[] adt = Hl7Samples.adtA01("MSG-PDS-1", "V900").getBytes(StandardCharsets.ISO_8859_1);
                Envelope env = Envelope.of("MSG-PDS-1", "pas", "mllp:adt-feed", WireFormat.hl7v2("2.4"));
                FieldTrail trail = new FieldTrail();
                DecodeResult decoded = codec.decode(adt, env, trail);
                pds.kernel.intake().accept(env, Payload.of(adt), decoded, trail).toCompletableFuture().get();

                JournalTrace t = JournalTrace.awaitStage(pds.kernel.journal(), "MSG-PDS-1", Stage.ACKED, Duration.ofSeconds(30));
                String detail = t.entry().stages().stream().filter(s -> s.stage() == Stage.ACKED).findFirst().orElseThrow().detail();
                assertThat(detail).startsWith("PDS mismatch: differs from PDS v2 in birthDate; flagged for review, nothing was changed");
                assertThat(new PdsMismatches(pds.kernel.inventory(), pds.kernel.journal()).recent(10))
                        .extracting(PdsMismatches.Finding::messageId).containsExactly("MSG-PDS-1");
            }
            try (PdsFixture again = PdsFixture.start(dir, sim.fhirBaseUrl(), settings, Optional.empty(), this::withCheckRoute)) {
                List<PdsMismatches.Finding> found = new PdsMismatches(again.kernel.inventory(), again.kernel.journal()).recent(10);
                assertThat(found).hasSize(1);
                assertThat(found.get(0).target()).isEqualTo(CHECK);
                assertThat(found.get(0).detail()).contains("birthDate");
            }
        }
    }
}
