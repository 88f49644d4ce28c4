package io.holdfast.pds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.UserTokenExchange;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.PatchOperation;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.TraceQuery;
import io.holdfast.pds.TraceResult;
import io.holdfast.pds.UpdateRequest;
import io.holdfast.pds.UpdateResult;
import io.holdfast.pds.internal.config.PdsSettings;
import io.holdfast.simulator.pds.PdsSimulator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace (scores, too many matches, no match, refusals) and update (If-Match versions) against the PDS simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdsTraceAndUpdateTest {
    static final String ID_TOKEN = "cis2-id-token-of-a-test-user";
    @TempDir
    static Path dir;
    private PdsSimulator sim;
    private PdsFixture pds;
    private final AtomicInteger exchanges = new AtomicInteger();

    @BeforeAll
    void start() {
        sim = PdsSimulator.builder().rateLimitPerSecond(0).population(7, 300).start();
        pds = PdsFixture.start(dir, sim.fhirBaseUrl(), PdsSettings.defaults(PdsFixture.SYSTEM).withTps(50));
        pds.auth.exchange(exchange);
    }

    private final UserTokenExchange exchange = new UserTokenExchange() {
            @Override
            public AuthMaterial.Headers exchange(DownstreamSystem system, String subjectToken) {
                exchanges.incrementAndGet();
                return new AuthMaterial.Headers(Map.of("Authorization", "Bearer user-token"), Optional.empty(), Instant.now().plusSeconds(60),
                        new CredentialIdentity("pds", 1, Optional.empty(), Optional.of("user-kid")));
            }

            @Override
            public void invalidate(DownstreamSystem system, String subjectToken) {
            }
        };

    @AfterAll
    void stop() {
        pds.close();
        sim.close();
    }

    @Test
    void traceReturnsRankedCandidatesWithScores() {
        TraceResult r = pds.client.trace(TraceQuery.builder().family("Smith").given("Jane")
                .birthDate(LocalDate.of(2010, 10, 22)).maxResults(10).build(), CallContext.of("c", "test"));

        assertThat(r).isInstanceOf(TraceResult.Matches.class);
        List<TraceResult.Candidate> c = ((TraceResult.Matches) r).candidates();
        assertThat(c).isNotEmpty();
        assertThat(c.get(0).record().nhsNumber().value()).isEqualTo("9000000009");
        assertThat(c.get(0).score()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(c).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(PdsFixture.response(pds.calls().get(0)).detail())
                .startsWith("GET /Patient?family&given&birthdate max 10 -> HTTP 200")
                .doesNotContain("Smith").doesNotContain("Jane");
    }

    @Test
    void fuzzyTraceFindsAHistoricNameAndRangeOfDates() {
        TraceResult r = pds.client.trace(TraceQuery.builder().family("Jones").given("Jane").fuzzy(true)
                .birthDate(TraceQuery.Comparator.GE, LocalDate.of(2010, 1, 1)).birthDate(TraceQuery.Comparator.LE, LocalDate.of(2010, 12, 31))
                .maxResults(5).build());

        assertThat(r).isInstanceOf(TraceResult.Matches.class);
        assertThat(((TraceResult.Matches) r).candidates()).anySatisfy(c -> assertThat(c.record().nhsNumber().value()).isEqualTo("9000000009"));
    }

    @Test
    void tooManyMatchesNoMatchAndRefusalsAreTypedResults() {
        TraceResult noMatch = pds.client.trace(TraceQuery.builder().family("Zzyzx").birthDate(LocalDate.of(1901, 1, 1)).build());
        assertThat(noMatch).isInstanceOf(TraceResult.NoMatch.class);

        TraceResult refused = pds.client.trace(TraceQuery.builder().family("Smith").build());
        assertThat(refused).isInstanceOf(TraceResult.Refused.class);
        assertThat(((TraceResult.Refused) refused).code()).isEqualTo("MISSING_VALUE");

        TraceResult many = pds.client.trace(TraceQuery.builder().family("Sm*").birthDate(TraceQuery.Comparator.GE, LocalDate.of(1900, 1, 1))
                .maxResults(1).build());
        assertThat(many).isInstanceOf(TraceResult.TooManyMatches.class);
    }

    @Test
    void restrictedCandidatesLoseAddressTelecomAndGp() {
        TraceResult r = pds.client.trace(TraceQuery.builder().family("Smythe").birthDate(LocalDate.of(2005, 6, 16)).maxResults(5).build());

        TraceResult.Candidate c = ((TraceResult.Matches) r).candidates().get(0);
        assertThat(c.record().restricted()).isTrue();
        assertThat(c.record().patient().addresses()).isEmpty();
        assertThat(c.record().patient().telecom()).isEmpty();
        assertThat(c.record().patient().gpPractice()).isEmpty();
    }

    @Test
    void updateWithIfMatchBumpsTheVersionAndAStaleVersionIsAMismatch() {
        NhsNumber nhs = NhsNumber.parse("9000000009");
        int version = ((RetrieveResult.Found) pds.client.retrieve(nhs)).record().version();
        int exchangedBefore = exchanges.get();

        UpdateResult updated = pds.client.update(new UpdateRequest(nhs, List.of(PatchOperation.replace("/gender", "\"male\"")), version,
                ID_TOKEN), CallContext.of("c", "test"));
        assertThat(updated).isInstanceOf(UpdateResult.Updated.class);
        assertThat(((UpdateResult.Updated) updated).record().version()).isEqualTo(version + 1);
        assertThat(((UpdateResult.Updated) updated).record().patient().gender()).isEqualTo(Gender.MALE);
        assertThat(PdsFixture.response(pds.calls().get(0)).credential()).contains("pds@v1 kid:user-kid");
        assertThat(PdsFixture.response(pds.calls().get(0)).detail()).startsWith("PATCH /Patient/9000000009 [replace /gender]");

        UpdateResult stale = pds.client.update(new UpdateRequest(nhs, List.of(PatchOperation.replace("/gender", "\"female\"")), version,
                ID_TOKEN), CallContext.none());
        assertThat(stale).isEqualTo(new UpdateResult.VersionMismatch(version));
        assertThat(exchanges).hasValue(exchangedBefore + 2);
    }

    @Test
    void anUpdatePdsRefusesIsTypedWithItsCode() {
        UpdateResult r = pds.client.update(new UpdateRequest(NhsNumber.parse("9000000009"), List.of(PatchOperation.replace("/id", "\"x\"")),
                2, ID_TOKEN), CallContext.none());
        assertThat(r).isInstanceOf(UpdateResult.Refused.class);
        assertThat(((UpdateResult.Refused) r).code()).isEqualTo("INVALID_UPDATE");

        UpdateResult unknown = pds.client.update(new UpdateRequest(NhsNumber.parse("9111231130"),
                List.of(PatchOperation.replace("/gender", "\"male\"")), 2, ID_TOKEN), CallContext.none());
        assertThat(unknown).isEqualTo(new UpdateResult.NotFound());
    }

    @Test
    void updateWithoutTheCis2ExchangeFailsWithoutACall() {
        pds.auth.removeExchange(exchange);
        long before = sim.requests();
        UpdateResult r;
        try {
            r = pds.client.update(new UpdateRequest(NhsNumber.parse("9000000009"),
                    List.of(PatchOperation.replace("/gender", "\"male\"")), 2, ID_TOKEN), CallContext.none());
        } finally {
            pds.auth.exchange(exchange);
        }
        assertThat(r).isInstanceOf(UpdateResult.Failed.class);
        assertThat(((UpdateResult.Failed) r).failure().code()).isEqualTo("AUTH_FAILED");
        assertThat(sim.requests()).isEqualTo(before);
    }
}
