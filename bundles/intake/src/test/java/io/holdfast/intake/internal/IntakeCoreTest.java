package io.holdfast.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.event.Admission;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.DemographicUpdate;
import io.holdfast.api.event.Visit;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.idempotency.internal.IdempotencyCore;
import io.holdfast.journal.internal.JournalCore;
import io.holdfast.journal.internal.JournalFixture;
import io.holdfast.journal.internal.TestKeys;
import io.holdfast.store.internal.JdbcStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeCoreTest {
    static final String NHS = "9449305552";
    @TempDir
    Path dir;
    JournalCore journal;
    IdempotencyCore idempotency;
    IntakeCore intake;
    volatile Router router = (env, e) -> List.of(new Router.Target("adt-to-epr", "epr", true));

    @BeforeEach
    void open() {
        EmbeddedDataSource ds = JournalFixture.derby(dir);
        JdbcStore store = new JdbcStore(ds, "test");
        journal = new JournalCore(store, new TestKeys(), dir, JournalFixture.config(256));
        idempotency = new IdempotencyCore(store, journal);
        intake = new IntakeCore(journal, idempotency, () -> Optional.ofNullable(router), List::of);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    static Patient patient(String family) {
        return new Patient(List.of(Identifier.local("PAS", "M1"), Identifier.of(NhsNumber.parse(NHS))),
                List.of(HumanName.of(family, "Jo")), Optional.empty(), Gender.FEMALE, List.of(), List.of(), Optional.empty(),
                SensitivityFlag.U);
    }

    static Admission admission(String visit, String family) {
        return new Admission(patient(family), Visit.of(Identifier.local("RXX", visit), new OrganisationRef("RXX01")),
                Optional.of(Instant.parse("2026-03-01T10:00:00Z")), Optional.of(Instant.now()));
    }

    IntakeReceipt accept(String messageId, DecodeResult result) throws Exception {
        FieldTrail trail = new FieldTrail().inbound("PID-3[2].1", "patient.nhsNumber", NHS);
        return intake.accept(Envelope.of(messageId, "pas", "mllp:adt-feed", WireFormat.hl7v2("2.4")),
                Payload.of(("MSH|" + messageId).getBytes(StandardCharsets.UTF_8)), result, trail).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void newThenSenderRetryThenAmendment() throws Exception {
        IntakeReceipt first = accept("M1", DecodeResult.decoded(admission("V1", "Smith")));
        assertThat(first.events()).singleElement().satisfies(e -> {
            assertThat(e.claim()).isEqualTo(ClaimOutcome.NEW);
            assertThat(e.routedTo()).containsExactly("epr");
        });
        // A retry with a new MSH-10 and a new send time, same clinical content: duplicate, not routed.
        IntakeReceipt retry = accept("M2", DecodeResult.decoded(admission("V1", "Smith")));
        assertThat(retry.allDuplicates()).isTrue();
        assertThat(retry.events().get(0).routedTo()).isEmpty();
        IntakeReceipt amended = accept("M3", DecodeResult.decoded(admission("V1", "Smyth")));
        assertThat(amended.events().get(0).claim()).isEqualTo(ClaimOutcome.AMENDMENT);
        assertThat(amended.events().get(0).routedTo()).containsExactly("epr");
        assertThat(idempotency.count()).isEqualTo(1);
        assertThat(idempotency.find(admission("V1", "x").key()).orElseThrow().amendments()).isEqualTo(1);
        assertThat(journal.byNaturalKey(admission("V1", "x").key())).extracting(JournalEntry::messageId).containsExactly("M1", "M2", "M3");
    }

    @Test
    void staleAmendmentIsFlaggedAndNotRouted() throws Exception {
        Instant newer = Instant.parse("2026-03-02T10:00:00Z");
        Instant older = Instant.parse("2026-03-01T10:00:00Z");
        accept("A1", DecodeResult.decoded(new DemographicUpdate(patient("Smyth"), Optional.empty(), Optional.of(newer))));
        IntakeReceipt stale = accept("A2", DecodeResult.decoded(new DemographicUpdate(patient("Smith"), Optional.empty(), Optional.of(older))));
        assertThat(stale.events().get(0).claim()).isEqualTo(ClaimOutcome.STALE);
        assertThat(stale.events().get(0).routedTo()).isEmpty();
        assertThat(journal.find(stale.journalId()).orElseThrow().stages()).extracting(s -> s.stage())
                .containsExactly(Stage.RECEIVED, Stage.TRANSFORMED);
    }

    @Test
    void aRetryInTheSameBatchIsADuplicate() throws Exception {
        Admission a = admission("V9", "Smith");
        String key = journal.digest(a.key().token());
        List<ClaimOutcome> outcomes = journal.submit(b -> List.of(idempotency.claim(b, a, key, "X1"), idempotency.claim(b, a, key, "X2")))
                .get(10, TimeUnit.SECONDS);
        assertThat(outcomes).containsExactly(ClaimOutcome.NEW, ClaimOutcome.DUPLICATE);
        assertThat(idempotency.count()).isEqualTo(1);
    }

    @Test
    void rejectedMessagesAreJournaledWithTheirRawBytes() throws Exception {
        IntakeReceipt r = accept("BAD1", DecodeResult.rejected("NO_MSH", "no parsable MSH segment"));
        assertThat(r.rejected()).isTrue();
        JournalEntry e = journal.find(r.journalId()).orElseThrow();
        assertThat(e.stages()).extracting(s -> s.stage()).containsExactly(Stage.RECEIVED, Stage.REJECTED);
        assertThat(e.stages().get(1).detail()).contains("NO_MSH");
        try (InputStream in = journal.openPayload(e.payload().orElseThrow())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("MSH|BAD1");
        }
        assertThat(journal.counts().rejected()).isEqualTo(1);
    }

    @Test
    void unmappedMessagesAreKeptButNotRouted() throws Exception {
        IntakeReceipt r = accept("U1", new DecodeResult.Unmapped("ADT^A60"));
        assertThat(r.events()).isEmpty();
        assertThat(journal.find(r.journalId()).orElseThrow().stages()).extracting(s -> s.stage())
                .containsExactly(Stage.RECEIVED, Stage.TRANSFORMED);
        assertThat(journal.inFlight(10)).isEmpty();
    }

    @Test
    void manyEventsInOneMessageAreClaimedSeparately() throws Exception {
        List<ClinicalEvent> events = List.of(admission("V1", "Smith"), admission("V2", "Smith"));
        IntakeReceipt r = accept("M", new DecodeResult.Decoded(events));
        assertThat(r.events()).extracting(e -> e.claim()).containsExactly(ClaimOutcome.NEW, ClaimOutcome.NEW);
        assertThat(journal.byNhsNumber(NhsNumber.parse(NHS))).hasSize(1);
    }

    @Test
    void concurrentConnectionsAreGroupCommittedAndAllDurable() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<IntakeReceipt>> all = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            int n = i;
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return accept("C" + n, DecodeResult.decoded(admission("V" + n, "Smith")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(idempotency.count()).isEqualTo(800);
        assertThat(journal.counts().messages()).isEqualTo(800);
        assertThat(journal.commits()).isLessThan(800);
        assertThat(journal.verify().intact()).isTrue();
    }

    @Test
    void closedIntakeRefusesSoTheSenderRetries() {
        intake.close();
        assertThatThrownBy(() -> accept("Z", DecodeResult.decoded(admission("V1", "Smith"))))
                .hasCauseInstanceOf(IntakeRefusedException.class).hasMessageContaining("SHUTTING_DOWN");
    }

    @Test
    void withoutRouterEventsAreClaimedButNotRouted() throws Exception {
        router = null;
        IntakeReceipt r = accept("N1", DecodeResult.decoded(admission("V1", "Smith")));
        assertThat(r.events().get(0).claim()).isEqualTo(ClaimOutcome.NEW);
        assertThat(r.events().get(0).routedTo()).isEmpty();
    }
}
