package io.holdfast.examples.pathology.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.FieldEntry;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.examples.pathology.internal.config.LabHarness;
import io.holdfast.examples.pathology.internal.config.PathologyLabComponent;
import io.holdfast.examples.pathology.simulator.LabResultRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector against the real kernel and the simulated lab: what is journaled, claimed and when the cursor moves. */
class LabPollingComponentTest {
    private static final String K = "1000651000000109";
    static LabHarness h;

    @BeforeAll
    static void kernel() {
        h = LabHarness.shared();
    }

    @Test
    void newResultsAreJournaledWithFieldsAndTheFetchingCredentialThenTheCursorMoves() throws Exception {
        try (LabHarness.Lab lab = h.lab("alpha")) {
            for (int i = 1; i <= 3; i++) {
                lab.sim.feed().publish(LabResultRow.result("L" + i, "9434765919", K, "Serum potassium", "4." + i, "mmol/L"));
            }
            PathologyLabComponent c = lab.component();
            PollReport report = c.pollNow();

            assertThat(report.error()).isEmpty();
            assertThat(report.rows()).isEqualTo(new PollReport.RowCounts(3, 3, 0, 0, 0, 0));
            assertThat(c.cursor()).isEqualTo("c3");
            assertThat(report.credential()).startsWith(lab.system + "@v1");
            JournalEntry first = single(h, "pathology:alpha:start:r1");
            assertThat(first.channel()).isEqualTo("pathology:alpha");
            assertThat(first.sourceSystem()).isEqualTo(lab.system);
            assertThat(first.wireFormat()).isEqualTo("PATHOLOGY_CSV:1");
            assertThat(first.eventType()).contains("LabResult");
            assertThat(first.claim()).contains(ClaimOutcome.NEW);
            StageEntry response = first.stages().stream().filter(s -> s.stage() == Stage.RESPONSE).findFirst().orElseThrow();
            assertThat(response.credential()).hasValueSatisfying(id -> assertThat(id).startsWith(lab.system + "@v1"));
            assertThat(response.detail()).contains("GET " + lab.sim.baseUrl() + "/results after cursor ''").contains("next cursor 'c3'");
            assertThat(h.kernel.journal().fields(first.id())).extracting(FieldEntry::canonicalPath)
                    .contains("result.fillerOrderNumber.value", "patient.nhsNumber", "result.testCode", "result.observations[0].value");
            assertThat(health(lab).state()).isEqualTo(HealthState.UP);
            assertThat(health(lab).detail()).contains("3 rows (3 new").contains("cursor c3");
        }
    }

    @Test
    void aResentResultIsADuplicateAndACorrectionAnAmendment() throws Exception {
        try (LabHarness.Lab lab = h.lab("bravo")) {
            LabResultRow potassium = LabResultRow.result("L1", "9434765919", K, "Serum potassium", "4.4", "mmol/L");
            long first = lab.sim.feed().publish(potassium);
            PathologyLabComponent c = lab.component();
            assertThat(c.pollNow().rows().fresh()).isEqualTo(1);

            lab.sim.feed().resend(first);
            lab.sim.feed().publish(potassium.corrected("5.9", "2026-12-01T11:00:00Z"));
            PollReport report = c.pollNow();

            assertThat(report.rows()).isEqualTo(new PollReport.RowCounts(2, 0, 1, 1, 0, 0));
            assertThat(single(h, "pathology:bravo:c1:r1").claim()).contains(ClaimOutcome.DUPLICATE);
            assertThat(single(h, "pathology:bravo:c1:r2").claim()).contains(ClaimOutcome.AMENDMENT);
            assertThat(c.totals()).isEqualTo(new PollReport.RowCounts(3, 1, 1, 1, 0, 0));
        }
    }

    @Test
    void aBadRowIsJournaledRejectedWithItsRowNumberAndTheRowsAfterItAreTaken() throws Exception {
        try (LabHarness.Lab lab = h.lab("charlie")) {
            lab.sim.feed().publish(LabResultRow.result("L1", "9434765919", K, "Serum potassium", "4.4", "mmol/L"));
            lab.sim.feed().publishRawLine("L2,9434765919,\"SMITH");
            lab.sim.feed().publish(LabResultRow.result("L3", "9434765918", K, "Serum potassium", "4.1", "mmol/L"));
            lab.sim.feed().publish(LabResultRow.result("L4", "9434765919", K, "Serum potassium", "4.2", "mmol/L"));
            PathologyLabComponent c = lab.component();
            PollReport report = c.pollNow();

            assertThat(report.error()).isEmpty();
            assertThat(report.rows()).isEqualTo(new PollReport.RowCounts(4, 2, 0, 0, 0, 2));
            assertThat(c.cursor()).isEqualTo("c4");
            JournalEntry malformed = single(h, "pathology:charlie:start:r2");
            assertThat(malformed.stages()).extracting(StageEntry::stage).contains(Stage.REJECTED);
            assertThat(detail(malformed, Stage.REJECTED)).contains("MALFORMED_ROW").contains("row 2 unterminated quoted field");
            assertThat(malformed.payload()).isPresent();
            JournalEntry badNhs = single(h, "pathology:charlie:start:r3");
            assertThat(detail(badNhs, Stage.REJECTED)).contains("INVALID_NHS_NUMBER").contains("row 3").doesNotContain("9434765918");
            assertThat(single(h, "pathology:charlie:start:r4").claim()).contains(ClaimOutcome.NEW);
        }
    }

    @Test
    void rowsIntakeRefusesLeaveTheCursorAndAreTakenOnceARouteExists() throws Exception {
        try (LabHarness.Lab lab = h.lab("delta", false)) {
            lab.sim.feed().publish(LabResultRow.result("L1", "9434765919", K, "Serum potassium", "4.4", "mmol/L"));
            PathologyLabComponent c = lab.component();
            PollReport refused = c.pollNow();

            assertThat(refused.error()).hasValueSatisfying(e -> assertThat(e).startsWith("HF-400").contains("NO_ROUTE")
                    .contains("the cursor stays"));
            assertThat(c.cursor()).isEmpty();
            assertThat(h.kernel.journal().byMessageId("pathology:delta:start:r1")).isEmpty();
            assertThat(health(lab).state()).isEqualTo(HealthState.DEGRADED);

            h.route(lab);
            PollReport taken = c.pollNow();
            assertThat(taken.rows().fresh()).isEqualTo(1);
            assertThat(c.cursor()).isEqualTo("c1");
            assertThat(single(h, "pathology:delta:start:r1").stages()).extracting(StageEntry::stage).contains(Stage.ROUTED);
        }
    }

    @Test
    void theCursorSurvivesARestartSoTheLabIsAskedOnlyForWhatIsNew() throws Exception {
        try (LabHarness.Lab lab = h.lab("echo")) {
            lab.sim.feed().publish(LabResultRow.result("L1", "9434765919", K, "Serum potassium", "4.4", "mmol/L"));
            PathologyLabComponent before = lab.component();
            before.pollNow();
            lab.stop(before);

            lab.sim.feed().publish(LabResultRow.result("L2", "9434765919", K, "Serum potassium", "4.5", "mmol/L"));
            PathologyLabComponent after = lab.component();
            PollReport report = after.pollNow();
            assertThat(lab.sim.lastSince()).isEqualTo("c1");
            assertThat(report.rows()).isEqualTo(new PollReport.RowCounts(1, 1, 0, 0, 0, 0));
        }
    }

    @Test
    void aFullPageIsFollowedByTheNextInTheSamePoll() throws Exception {
        try (LabHarness.Lab lab = h.lab("foxtrot")) {
            for (int i = 1; i <= 5; i++) {
                lab.sim.feed().publish(LabResultRow.result("L" + i, "9434765919", K, "Serum potassium", "4." + i, "mmol/L"));
            }
            PollReport report = lab.component(Map.of("pageSize", "2")).pollNow();
            assertThat(report.pages()).isEqualTo(3);
            assertThat(report.rows().fresh()).isEqualTo(5);
            assertThat(lab.sim.lastSince()).isEqualTo("c4");
        }
    }

    @Test
    void aLabMissingFromTheInventoryIsReportedWithWhatToDo() throws Exception {
        try (LabHarness.Lab lab = h.lab("golf")) {
            PollReport report = lab.component(Map.of("system", "north-lab")).pollNow();
            assertThat(report.error()).hasValueSatisfying(e -> assertThat(e).startsWith("HF-500 system 'north-lab'")
                    .contains("holdfast:system-add"));
            assertThat(lab.sim.resultRequests()).isZero();
        }
    }

    static JournalEntry single(LabHarness h, String messageId) {
        List<JournalEntry> entries = h.kernel.journal().byMessageId(messageId);
        assertThat(entries).as("journal entries of " + messageId).hasSize(1);
        return entries.get(0);
    }

    static String detail(JournalEntry e, Stage stage) {
        return e.stages().stream().filter(s -> s.stage() == stage).map(StageEntry::detail).findFirst().orElse("");
    }

    static ComponentHealth health(LabHarness.Lab lab) {
        return h.kernel.health().components().stream().filter(x -> x.component().equals("pathology:" + lab.name)).findFirst()
                .orElseThrow();
    }
}
