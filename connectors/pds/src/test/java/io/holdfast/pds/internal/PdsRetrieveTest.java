package io.holdfast.pds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.internal.config.PdsSettings;
import io.holdfast.simulator.pds.PdsSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrieve against the PDS simulator's sandbox patients, journaled with the credential identity. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdsRetrieveTest {
    @TempDir
    static Path dir;
    private PdsSimulator sim;
    private PdsFixture pds;

    @BeforeAll
    void start() {
        sim = PdsSimulator.builder().rateLimitPerSecond(0).start();
        pds = PdsFixture.start(dir, sim.fhirBaseUrl(), PdsSettings.defaults(PdsFixture.SYSTEM).withTps(50));
    }

    @AfterAll
    void stop() {
        pds.close();
        sim.close();
    }

    private RetrieveResult get(String nhs) {
        return pds.client.retrieve(NhsNumber.parse(nhs), CallContext.of("corr-1", "test"));
    }

    @Test
    void fullRecordIsFoundWithVersionAndJournaledWithTheCredentialIdentity() {
        RetrieveResult r = get("9000000009");

        assertThat(r).isInstanceOf(RetrieveResult.Found.class);
        RetrieveResult.Found f = (RetrieveResult.Found) r;
        assertThat(f.fromCache()).isFalse();
        assertThat(f.record().version()).isEqualTo(2);
        assertThat(f.record().nhsNumber().value()).isEqualTo("9000000009");
        assertThat(f.record().patient().sensitivity()).isEqualTo(SensitivityFlag.U);
        assertThat(f.record().patient().addresses()).isNotEmpty();
        assertThat(f.record().patient().gpPractice()).isPresent();
        JournalEntry call = pds.calls().get(0);
        assertThat(call.channel()).isEqualTo("pds:retrieve");
        assertThat(call.messageId()).startsWith("pds:");
        assertThat(PdsFixture.response(call).credential()).contains("none@v0");
        assertThat(PdsFixture.response(call).detail()).startsWith("GET /Patient/9000000009 -> HTTP 200 W/\"2\": found v2 U (request ");
        assertThat(call.payload()).isPresent();
    }

    @Test
    void restrictedRecordComesWithoutAddressTelecomAndGp() {
        RetrieveResult.Found f = (RetrieveResult.Found) get("9000000025");

        assertThat(f.record().patient().sensitivity()).isEqualTo(SensitivityFlag.R);
        assertThat(f.record().restricted()).isTrue();
        assertThat(f.record().patient().addresses()).isEmpty();
        assertThat(f.record().patient().telecom()).isEmpty();
        assertThat(f.record().patient().gpPractice()).isEmpty();
        assertThat(f.record().patient().names()).isNotEmpty();
    }

    @Test
    void minimalRecordIsFound() {
        RetrieveResult.Found f = (RetrieveResult.Found) get("9000000033");
        assertThat(f.record().nhsNumber().value()).isEqualTo("9000000033");
        assertThat(f.record().patient().names()).isEmpty();
    }

    @Test
    void unknownInvalidatedAndSupersededNumbersAreTypedResults() {
        int before = pds.calls().size();
        assertThat(get("9111231130")).isEqualTo(new RetrieveResult.NotFound(NhsNumber.parse("9111231130")));
        assertThat(get("9000000076")).isEqualTo(new RetrieveResult.Invalidated(NhsNumber.parse("9000000076")));

        RetrieveResult r = get("9000000041");
        assertThat(r).isInstanceOf(RetrieveResult.Superseded.class);
        RetrieveResult.Superseded s = (RetrieveResult.Superseded) r;
        assertThat(s.requested().value()).isEqualTo("9000000041");
        assertThat(s.current().value()).isEqualTo("9000000068");
        assertThat(s.record().nhsNumber().value()).isEqualTo("9000000068");
        // both numbers journaled
        assertThat(PdsFixture.response(pds.calls().get(0)).detail()).contains("superseded: 9000000041 replaced by 9000000068");
        assertThat(pds.calls()).hasSize(before + 3);
    }

    @Test
    void aBadNumberGetsTheModulus11ReasonWithoutAnyCall() {
        long before = sim.requests();
        RetrieveResult r = PdsClient.parseOrInvalid("9000000000", n -> pds.client.retrieve(n));

        assertThat(r).isInstanceOf(RetrieveResult.InvalidNumber.class);
        assertThat(((RetrieveResult.InvalidNumber) r).reason()).contains("Modulus 11");
        assertThat(sim.requests()).isEqualTo(before);
    }

    @Test
    void correlationIdIsSentAndTheCallJournaledUnderIt() {
        get("9000000009");
        assertThat(pds.calls().get(0).messageId()).matches("pds:[0-9a-f-]{36}");
    }
}
