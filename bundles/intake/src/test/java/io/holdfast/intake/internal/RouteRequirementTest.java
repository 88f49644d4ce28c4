package io.holdfast.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.error.IntakeRefusedException.Reason;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.kernel.RuntimeMode;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.idempotency.internal.IdempotencyCore;
import io.holdfast.intake.spi.IntakeParticipant;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.journal.api.PreparedPayload;
import io.holdfast.journal.api.WriteBatch;
import io.holdfast.journal.writer.BatchTask;
import io.holdfast.journal.writer.WriterStatus;
import io.holdfast.journal.internal.JournalCore;
import io.holdfast.journal.internal.JournalFixture;
import io.holdfast.journal.internal.TestKeys;
import io.holdfast.store.internal.JdbcStore;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 3, "ACK means routed": Intake refuses, storing nothing, when routing is not
 * running, and (require-route) when a new event matches no route; duplicates need no route.
 */
class RouteRequirementTest {
    @TempDir
    Path dir;
    JournalCore journal;
    IdempotencyCore idempotency;
    volatile Router router;
    final List<IntakeParticipant> participants = new CopyOnWriteArrayList<>();
    final List<String> scheduled = new CopyOnWriteArrayList<>();

    /**
     * Stands in for routing's outbox participant: records what it was asked to schedule once the batch commits, as
     * the real outbox's rows exist only then (a batch rolled back because one task failed is run again without it,
     * and must not count twice).
     */
    final IntakeParticipant outbox = new IntakeParticipant() {
        @Override
        public void accepted(WriteBatch batch, long journalId, Envelope envelope, ClinicalEvent event, ClaimOutcome claim,
                             List<Router.Target> targets) {
            targets.forEach(t -> pending(batch).add(envelope.messageId() + "->" + t.systemId()));
        }

        @Override
        public void acceptedRaw(WriteBatch batch, long journalId, Envelope envelope, PayloadInfo payload,
                                List<Router.Target> targets) {
            targets.forEach(t -> pending(batch).add(envelope.messageId() + "->" + t.systemId()));
        }

        private List<String> pending(WriteBatch batch) {
            return batch.resource(Scheduled.class, c -> new Scheduled(scheduled)).rows;
        }
    };

    /** The rows of one batch, handed to {@code scheduled} only after its commit. */
    static final class Scheduled implements io.holdfast.journal.api.BatchResource {
        final List<String> rows = new java.util.ArrayList<>();
        private final List<String> committedTo;

        Scheduled(List<String> committedTo) {
            this.committedTo = committedTo;
        }

        @Override
        public void flush() {
        }

        @Override
        public void committed() {
            committedTo.addAll(rows);
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void open() {
        EmbeddedDataSource ds = JournalFixture.derby(dir);
        JdbcStore store = new JdbcStore(ds, "test");
        journal = new JournalCore(store, new TestKeys(), dir, JournalFixture.config(256));
        idempotency = new IdempotencyCore(store, journal);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    IntakeCore intake(RouteRequirement required) {
        return intake(journal, required);
    }

    IntakeCore intake(JournalWriter writer, RouteRequirement required) {
        return new IntakeCore(writer, idempotency, () -> Optional.ofNullable(router), () -> List.copyOf(participants), required);
    }

    static Router routeTo(String system) {
        return (env, e) -> List.of(new Router.Target("adt-to-" + system, system, false));
    }

    static final Router NO_ROUTES = (env, e) -> List.of();

    IntakeReceipt accept(IntakeCore intake, String messageId, DecodeResult decoded) throws Exception {
        try {
            return intake.accept(Envelope.of(messageId, "pas", "mllp:adt-feed", WireFormat.hl7v2("2.4")),
                    Payload.of(("MSH|" + messageId).getBytes()), decoded, new FieldTrail()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    static DecodeResult admission(String visit) {
        return DecodeResult.decoded(IntakeCoreTest.admission(visit, "Smith"));
    }

    private void assertRefused(ThrowingAccept call, Reason reason, String text) {
        assertThatThrownBy(call::run).isInstanceOf(IntakeRefusedException.class)
                .satisfies(e -> assertThat(((IntakeRefusedException) e).reason()).isEqualTo(reason))
                .hasMessageContaining(text);
    }

    @FunctionalInterface
    interface ThrowingAccept {
        void run() throws Exception;
    }

    @Test
    void withoutTheRouterNothingIsAcceptedOrStored() {
        participants.add(outbox);
        IntakeCore intake = intake(RouteRequirement.ROUTE);
        assertRefused(() -> accept(intake, "M1", admission("V1")), Reason.ROUTING_UNAVAILABLE, "no Router");
        assertThat(journal.counts().messages()).isZero();
        assertThat(idempotency.count()).isZero();
    }

    @Test
    void withoutTheOutboxParticipantNothingIsAccepted() {
        router = routeTo("epr");
        IntakeCore intake = intake(RouteRequirement.ROUTING);
        assertRefused(() -> accept(intake, "M1", admission("V1")), Reason.ROUTING_UNAVAILABLE, "no outbox participant");
        assertRefused(() -> accept(intake, "U1", new DecodeResult.Unmapped("ADT^A60")), Reason.ROUTING_UNAVAILABLE, "routing");
        assertThat(journal.counts().messages()).isZero();
    }

    @Test
    void aRejectionIsJournaledEvenWithoutRouting() throws Exception {
        IntakeReceipt r = accept(intake(RouteRequirement.ROUTE), "BAD", DecodeResult.rejected("NO_MSH", "no MSH"));
        assertThat(r.rejected()).isTrue();
        assertThat(journal.counts().rejected()).isEqualTo(1);
    }

    @Test
    void anExchangeHoldfastMadeIsJournaledInOneCommitUnderRequireRouteWithoutRoutingIt() throws Exception {
        router = NO_ROUTES;
        participants.add(outbox);
        IntakeCore intake = intake(RouteRequirement.ROUTE);
        io.holdfast.api.spi.CredentialIdentity identity = new io.holdfast.api.spi.CredentialIdentity("pds-app", 2,
                Optional.empty(), Optional.of("kid-1"));
        IntakeReceipt r = intake.recordExchange(Envelope.of("pds:req-1", "pds", "pds:retrieve", WireFormat.fhirR4()),
                Payload.of("{\"resourceType\":\"Patient\"}".getBytes()), "pds", Optional.of(identity),
                "GET /Patient/<n> -> HTTP 200").toCompletableFuture().get(10, TimeUnit.SECONDS);

        var entry = journal.find(r.journalId()).orElseThrow();
        assertThat(entry.stages()).extracting(s -> s.stage()).containsExactly(Stage.RECEIVED, Stage.RESPONSE);
        assertThat(entry.stages().get(1).credential()).contains("pds-app@v2 kid:kid-1");
        assertThat(scheduled).as("never routed").isEmpty();
        assertThat(idempotency.count()).as("nothing claimed").isZero();
    }

    @Test
    void anExchangeIsRefusedOnceIntakeIsClosed() {
        IntakeCore intake = intake(RouteRequirement.ROUTE);
        intake.close();
        assertRefused(() -> {
            try {
                intake.recordExchange(Envelope.of("pds:req-2", "pds", "pds:retrieve", WireFormat.fhirR4()), Payload.of(new byte[0]),
                        "pds", Optional.empty(), "x").toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw (Exception) e.getCause();
            }
        }, Reason.SHUTTING_DOWN, "stopping");
        assertThat(journal.counts().messages()).isZero();
    }

    @Test
    void requireRouteRefusesANewEventNoRouteMatchesAndStoresNothing() {
        router = NO_ROUTES;
        participants.add(outbox);
        IntakeCore intake = intake(RouteRequirement.ROUTE);
        assertRefused(() -> accept(intake, "M1", admission("V1")), Reason.NO_ROUTE, "no route for Admission (NEW) from source pas");
        assertThat(journal.counts().messages()).isZero();
        assertThat(idempotency.count()).as("the claim rolled back with the message").isZero();
        assertThat(scheduled).isEmpty();
    }

    @Test
    void aDuplicateNeedsNoRouteButANewEventDoes() throws Exception {
        router = routeTo("epr");
        participants.add(outbox);
        IntakeCore intake = intake(RouteRequirement.ROUTE);
        IntakeReceipt first = accept(intake, "M1", admission("V1"));
        assertThat(first.events().get(0).claim()).isEqualTo(ClaimOutcome.NEW);
        router = NO_ROUTES;
        IntakeReceipt retry = accept(intake, "M2", admission("V1"));
        assertThat(retry.events().get(0).claim()).isEqualTo(ClaimOutcome.DUPLICATE);
        assertRefused(() -> accept(intake, "M3", admission("V2")), Reason.NO_ROUTE, "Admission");
        assertThat(scheduled).containsExactly("M1->epr");
        assertThat(journal.counts().messages()).isEqualTo(2);
    }

    @Test
    void aRefusedEventDoesNotDisturbOthersInTheSameBatch() throws Exception {
        participants.add(outbox);
        router = (env, e) -> e.key().token().contains("ROUTED") ? List.of(new Router.Target("r", "epr", false)) : List.of();
        IntakeCore intake = intake(RouteRequirement.ROUTE);
        List<CompletableFuture<IntakeReceipt>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String visit = (i % 2 == 0 ? "ROUTED" : "LOST") + i;
            all.add(intake.accept(Envelope.of("B" + i, "pas", "mllp:adt-feed", WireFormat.hl7v2("2.4")), Payload.of(new byte[] {1}),
                    admission(visit), new FieldTrail()).toCompletableFuture());
        }
        int accepted = 0;
        for (int i = 0; i < all.size(); i++) {
            try {
                all.get(i).get(10, TimeUnit.SECONDS);
                accepted++;
                assertThat(i % 2).isZero();
            } catch (ExecutionException e) {
                assertThat(((IntakeRefusedException) e.getCause()).reason()).isEqualTo(Reason.NO_ROUTE);
                assertThat(i % 2).isOne();
            }
        }
        assertThat(accepted).isEqualTo(20);
        assertThat(scheduled).hasSize(20);
        assertThat(journal.counts().messages()).isEqualTo(20);
    }

    @Test
    void requireRoutingJournalsAnUnroutedEventAsBefore() throws Exception {
        router = NO_ROUTES;
        participants.add(outbox);
        IntakeReceipt r = accept(intake(RouteRequirement.ROUTING), "M1", admission("V1"));
        assertThat(r.events().get(0).routedTo()).isEmpty();
        assertThat(journal.find(r.journalId()).orElseThrow().stages()).extracting(s -> s.stage())
                .containsExactly(Stage.RECEIVED, Stage.TRANSFORMED);
    }

    @Test
    void anUnmappedMessageNeedsAPassthroughRoute() throws Exception {
        participants.add(outbox);
        router = NO_ROUTES;
        IntakeCore intake = intake(RouteRequirement.ROUTE);
        assertRefused(() -> accept(intake, "U1", new DecodeResult.Unmapped("ADT^A60")), Reason.NO_ROUTE, "passthrough=true");
        assertThat(journal.counts().messages()).isZero();
        router = new Router() {
            @Override
            public List<Target> targets(Envelope envelope, ClinicalEvent event) {
                return List.of();
            }

            @Override
            public List<Target> passthroughTargets(Envelope envelope) {
                return List.of(new Target("raw", "archive", false));
            }
        };
        accept(intake, "U2", new DecodeResult.Unmapped("ADT^A60"));
        assertThat(scheduled).containsExactly("U2->archive");
    }

    @Test
    void aDeadlockVictimIsSubmittedAgainTransparently() throws Exception {
        router = routeTo("epr");
        participants.add(outbox);
        AtomicInteger submissions = new AtomicInteger();
        JournalWriter firstSubmissionDeadlocks = new JournalWriter() {
            @Override
            public <T> CompletableFuture<T> submit(BatchTask<? super WriteBatch, T> task) {
                if (submissions.incrementAndGet() == 1) {
                    return CompletableFuture.failedFuture(new IntakeRefusedException(Reason.STORE_UNAVAILABLE, "nothing was stored",
                            new SQLException("A lock could not be obtained due to a deadlock", "40001")));
                }
                return journal.submit(task);
            }

            @Override
            public WriterStatus status() {
                return journal.status();
            }

            @Override
            public String digest(String value) {
                return journal.digest(value);
            }

            @Override
            public PreparedPayload prepare(Payload payload) {
                return journal.prepare(payload);
            }
        };
        IntakeReceipt r = accept(intake(firstSubmissionDeadlocks, RouteRequirement.ROUTE), "M1", admission("V1"));
        assertThat(submissions).hasValue(2);
        assertThat(r.events().get(0).routedTo()).containsExactly("epr");
        assertThat(IntakeCore.isDeadlockVictim(new RuntimeException(new SQLException("timeout", "40XL1")))).isTrue();
        assertThat(IntakeCore.isDeadlockVictim(new RuntimeException(new SQLException("dup", "23505")))).isFalse();
    }

    @Test
    void routeModeIsValidatedAndDefaultsByRuntimeMode() {
        assertThat(IntakeComponent.requirement(config("auto"), RuntimeMode.PRODUCTION)).isEqualTo(RouteRequirement.ROUTE);
        assertThat(IntakeComponent.requirement(config("auto"), RuntimeMode.SANDBOX)).isEqualTo(RouteRequirement.ROUTING);
        assertThat(IntakeComponent.requirement(config("require-routing"), RuntimeMode.PRODUCTION)).isEqualTo(RouteRequirement.ROUTING);
        assertThat(IntakeComponent.requirement(config(" Require-Route "), RuntimeMode.SANDBOX)).isEqualTo(RouteRequirement.ROUTE);
        assertThatThrownBy(() -> IntakeComponent.requirement(config("none"), RuntimeMode.PRODUCTION))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("io.holdfast.intake").hasMessageContaining("routeMode")
                .hasMessageContaining("auto, require-route or require-routing");
    }

    static IntakeConfig config(String routeMode) {
        return new IntakeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IntakeConfig.class;
            }

            @Override
            public String routeMode() {
                return routeMode;
            }
        };
    }
}
