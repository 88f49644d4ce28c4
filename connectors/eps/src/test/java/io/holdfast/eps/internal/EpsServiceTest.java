package io.holdfast.eps.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.Prescription;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.eps.CallContext;
import io.holdfast.eps.EpsResult;
import io.holdfast.eps.PrepareResult;
import io.holdfast.eps.ReleaseResult;
import io.holdfast.eps.internal.config.EpsSettings;
import io.holdfast.simulator.eps.EpsSimulator;
import io.holdfast.simulator.eps.EpsSimulatorConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Direct calls against the EPS simulator: each journaled as an exchange with its credential identity. */
class EpsServiceTest {
    @TempDir
    Path dir;

    @Test
    void preparedSignedAndSubmittedThenDispensedAndClaimed() throws Exception {
        try (EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.builder().port(0).build());
             EpsServiceFixture eps = new EpsServiceFixture(dir, sim.fhirBaseUrl(), EpsSettings.defaults("eps"), Optional.empty())) {
            Prescription p = Samples.prescription("service", "100 tablet");
            CallContext ctx = CallContext.of("corr-1", "test");
            PrepareResult prepared = eps.client.prepare(p, ctx);
            assertThat(prepared).isInstanceOf(PrepareResult.Prepared.class);
            String digest = ((PrepareResult.Prepared) prepared).digest();
            EpsResult sent = eps.client.submit(p, new TestSigner().sign(digest, Instant.parse("2026-12-06T09:31:00Z")), ctx);
            assertThat(sent).as(sent.toString()).isInstanceOf(EpsResult.Done.class);
            assertThat(sim.counters().storedTimes(p.prescriptionId().value())).isEqualTo(1);
            ReleaseResult released = eps.client.release("FCG71", Optional.of(p.prescriptionId()), ctx);
            assertThat(released).as(released.toString()).isInstanceOf(ReleaseResult.Released.class);
            assertThat(((ReleaseResult.Released) released).prescriptions()).as(released.toString()).extracting(Prescription::prescriptionId).contains(p.prescriptionId());
            assertThat(eps.client.dispense(Samples.dispensed(p), ctx)).as("dispense").isInstanceOf(EpsResult.Done.class);
            assertThat(eps.client.claim(Samples.dispensed(p), ctx)).as("claim").isInstanceOf(EpsResult.Done.class);
            List<JournalEntry> calls = eps.kernel.journal().bySystem("eps", 100);
            assertThat(calls).extracting(JournalEntry::channel).contains("eps:prepare", "eps:process-message", "eps:release", "eps:claim");
            assertThat(calls).allSatisfy(e -> {
                var response = e.stages().stream().filter(s -> s.stage() == Stage.RESPONSE).findFirst().orElseThrow();
                assertThat(response.credential()).isPresent();
                assertThat(response.detail()).contains("(request ").doesNotContain("9449304130");
            });
        }
    }

    @Test
    void aDirectCallIsRetriedWithTheSameRequestIdAndARefusalIsTyped() throws Exception {
        try (StubEps stub = new StubEps(); EpsServiceFixture eps = new EpsServiceFixture(dir, stub.baseUrl(),
                EpsSettings.defaults("eps"), Optional.empty())) {
            Prescription p = Samples.prescription("direct", "100 tablet");
            CallContext ctx = CallContext.of("corr-2", "test");
            stub.fault(StubEps.Fault.UNAVAILABLE);
            EpsResult done = eps.client.dispense(Samples.dispensed(p), ctx);
            assertThat(done).isInstanceOf(EpsResult.Done.class);
            assertThat(stub.seen).hasSize(2);
            assertThat(stub.seen.get(1).requestId()).isEqualTo(stub.seen.get(0).requestId());
            assertThat(stub.seen.get(0).correlationId()).isEqualTo("corr-2");
            stub.fault(StubEps.Fault.MISSING_FIELD);
            EpsResult refused = eps.client.cancel(Samples.cancelled(p), ctx);
            assertThat(refused).isEqualTo(new EpsResult.Refused(400, "MISSING_FIELD", "error MISSING_FIELD (Required field missing)"));
            assertThat(eps.kernel.journal().bySystem("eps", 10)).anySatisfy(e -> assertThat(e.stages().stream()
                    .filter(s -> s.stage() == Stage.RESPONSE).findFirst().orElseThrow().detail()).contains("-> HTTP 200").contains("2 attempts"));
        }
    }

    @Test
    void prescribingWithACis2TokenUsesTheUserTokenExchangeAndSaysSoInTheJournal() throws Exception {
        try (StubEps stub = new StubEps(); EpsServiceFixture eps = new EpsServiceFixture(dir, stub.baseUrl(),
                EpsSettings.defaults("eps"), Optional.empty())) {
            List<String> exchanged = new java.util.concurrent.CopyOnWriteArrayList<>();
            eps.auth.exchange(new io.holdfast.api.kernel.UserTokenExchange() {
                @Override
                public io.holdfast.api.spi.AuthMaterial.Headers exchange(io.holdfast.api.kernel.DownstreamSystem system, String subjectToken) {
                    exchanged.add(subjectToken);
                    return new io.holdfast.api.spi.AuthMaterial.Headers(java.util.Map.of("Authorization", "Bearer user-token"), Optional.empty(),
                            Instant.now().plusSeconds(600), new io.holdfast.api.spi.CredentialIdentity("cis2-exchange", 1, Optional.empty(),
                            Optional.of("kid-1")));
                }

                @Override
                public void invalidate(io.holdfast.api.kernel.DownstreamSystem system, String subjectToken) {
                }
            });
            Prescription p = Samples.cancelled(Samples.prescription("cis2", "100 tablet"));
            EpsResult r = eps.client.cancel(p, new CallContext("corr-3", "dr.boin", Optional.of("id-token-of-the-prescriber")));
            assertThat(r).isInstanceOf(EpsResult.Done.class);
            assertThat(exchanged).containsExactly("id-token-of-the-prescriber");
            assertThat(stub.seen.get(0).authorization()).isEqualTo("Bearer user-token");
            var response = eps.kernel.journal().bySystem("eps", 10).get(0).stages().stream().filter(s -> s.stage() == Stage.RESPONSE)
                    .findFirst().orElseThrow();
            assertThat(response.detail()).contains("CIS2 user").contains("for dr.boin").doesNotContain("id-token").doesNotContain("user-token");
            assertThat(response.credential()).get().asString().contains("cis2-exchange");
        }
    }
}
