package io.holdfast.routing.internal;

import static io.holdfast.routing.internal.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.OutboxState;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target the inventory reports invalid (Inventory.problems, e.g. no AuthProvider for its pattern) is
 * retried with the route's backoff and dead-lettered with the reason once the route's attempts are
 * spent; it never waits forever, and is delivered if it becomes valid before that.
 */
class InvalidTargetTest {
    private static final String PROBLEM = "no AuthProvider is registered for auth pattern CIS2_USER";

    @TempDir
    Path dir;
    RoutingFixture f;

    @BeforeEach
    void open() {
        f = new RoutingFixture(dir);
        TestRouteConfig c = TestRouteConfig.to("epr");
        c.maxAttempts = 3;
        f.route("adt-to-epr", c);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void rowsForAnInvalidTargetAreDeadLetteredWithTheReasonAfterTheRoutesAttempts() throws Exception {
        f.inventory.problems("epr", PROBLEM);
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        f.startDispatcher();
        await("dead letter", () -> f.outbox.deadLetters(Optional.of("epr"), false, 10).size() == 1);

        assertThat(f.outbox.deadLetters(Optional.of("epr"), false, 10)).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.reason()).isEqualTo("gave up after 3 attempts: HF-200 target 'epr' is invalid: " + PROBLEM
                    + " (holdfast:system-show epr)");
        });
        assertThat(f.transport.calls()).isEmpty();
        assertThat(f.journal.find(r.journalId()).orElseThrow().stages()).extracting(StageEntry::stage)
                .contains(Stage.DEAD_LETTER).doesNotContain(Stage.SENT);
        await("dead-letter alert", () -> f.alerts.find("routing:dead-letters:epr").isPresent());
    }

    @Test
    void aTargetThatBecomesValidBeforeTheAttemptsAreSpentIsDelivered() throws Exception {
        TestRouteConfig c = TestRouteConfig.to("gp");
        c.maxAttempts = 1000;
        f.route("adt-to-gp", c);
        f.inventory.problems("gp", PROBLEM);
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        f.startDispatcher();
        await("a counted retry", () -> gpRow(r).attempts() >= 2 && gpRow(r).lastError().orElse("").contains("HF-200"));
        assertThat(gpRow(r).state()).isNotEqualTo(OutboxState.DEAD_LETTER);

        f.inventory.problems("gp");
        await("delivered", () -> gpRow(r).state() == OutboxState.DONE);
        assertThat(f.transport.calls()).filteredOn(call -> call.target().equals("gp")).hasSize(1);
    }

    private OutboxRow gpRow(IntakeReceipt r) {
        return f.outbox.byJournalId(r.journalId()).stream().filter(row -> row.target().equals("gp")).findFirst().orElseThrow();
    }
}
