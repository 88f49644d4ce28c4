package io.holdfast.examples.pathology.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.HealthState;
import io.holdfast.examples.pathology.internal.config.LabHarness;
import io.holdfast.examples.pathology.internal.config.PathologyLabComponent;
import io.holdfast.examples.pathology.simulator.LabResultRow;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A lab that is down, busy, failing, refuses the key or sends too much: bounded retries, the cursor kept, nothing lost. */
class LabFailureComponentTest {
    private static final String K = "1000651000000109";
    static LabHarness h;

    @BeforeAll
    static void kernel() {
        h = LabHarness.shared();
    }

    @Test
    void aFailingLabIsTriedAgainWithDoublingWaitsAndThePageIsTaken() throws Exception {
        try (LabHarness.Lab lab = h.lab("hotel")) {
            lab.sim.feed().publish(potassium("L1"));
            lab.sim.faults().failNext(2, 500);
            PollReport report = lab.component().pollNow();

            assertThat(report.error()).isEmpty();
            assertThat(report.rows().fresh()).isEqualTo(1);
            assertThat(lab.sim.resultRequests()).isEqualTo(3);
            assertThat(lab.waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        }
    }

    @Test
    void aLabStillFailingAfterMaxAttemptsFailsThePollAndKeepsTheCursor() throws Exception {
        try (LabHarness.Lab lab = h.lab("india")) {
            lab.sim.feed().publish(potassium("L1"));
            lab.sim.faults().failNext(3, 503);
            PathologyLabComponent c = lab.component();
            PollReport failed = c.pollNow();

            assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).startsWith("HF-600").contains("answered 503")
                    .contains("(try 3 of 3)"));
            assertThat(c.cursor()).isEmpty();
            assertThat(h.kernel.journal().byMessageId("pathology:india:start:r1")).isEmpty();
            assertThat(health(lab)).isEqualTo(HealthState.DEGRADED);
            assertThat(c.pollNow().rows().fresh()).isEqualTo(1);
            assertThat(health(lab)).isEqualTo(HealthState.UP);
        }
    }

    @Test
    void aLabThatIsDownIsReportedUnreachableAfterTheBoundedTries() throws Exception {
        try (LabHarness.Lab lab = h.lab("juliet")) {
            int port = lab.sim.port();
            lab.sim.close();
            PollReport failed = lab.component(Map.of("maxAttempts", "2", "requestTimeout", "PT2S")).pollNow();

            assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).startsWith("HF-600 cannot reach http://127.0.0.1:" + port)
                    .contains("(try 2 of 2)"));
            assertThat(lab.waits).hasSize(1);
        }
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterUpToTheLongestWait() throws Exception {
        try (LabHarness.Lab lab = h.lab("kilo")) {
            lab.sim.feed().publish(potassium("L1"));
            lab.sim.faults().throttleNext(1, 1);
            PollReport report = lab.component(Map.of("retryBackoffMax", "PT5S")).pollNow();

            assertThat(report.rows().fresh()).isEqualTo(1);
            assertThat(lab.waits).containsExactly(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRefusedKeyIsDroppedAndAskedForOnceThenTheFailureNamesTheCredential() throws Exception {
        try (LabHarness.Lab lab = h.lab("lima")) {
            lab.sim.feed().publish(potassium("L1"));
            lab.importKey("a-key-the-lab-does-not-know");
            PathologyLabComponent c = lab.component();
            PollReport refused = c.pollNow();

            assertThat(refused.error()).hasValueSatisfying(e -> assertThat(e).startsWith("HF-520").contains("twice for credential "
                    + lab.system + "@v2").contains("holdfast:cred-import --system " + lab.system).doesNotContain("a-key-the-lab"));
            assertThat(lab.waits).isEmpty();

            lab.importKey(lab.key);
            PollReport taken = c.pollNow();
            assertThat(taken.rows().fresh()).isEqualTo(1);
            assertThat(taken.credential()).startsWith(lab.system + "@v3");
        }
    }

    @Test
    void anOversizedPageIsNotReadAndIsAskedForAgainInSmallerPages() throws Exception {
        try (LabHarness.Lab lab = h.lab("mike")) {
            for (int i = 1; i <= 12; i++) {
                lab.sim.feed().publish(potassium("L" + i));
            }
            PathologyLabComponent c = lab.component(Map.of("maxResponseBytes", "1024", "pageSize", "8"));
            PollReport report = c.pollNow();

            assertThat(report.error()).isEmpty();
            assertThat(report.rows().fresh()).isEqualTo(12);
            assertThat(c.cursor()).isEqualTo("c12");
            assertThat(lab.sim.resultRequests()).isGreaterThan(report.pages());
        }
    }

    @Test
    void aPageThatCannotFitEvenOneRowFailsThePollWithoutTakingIt() throws Exception {
        try (LabHarness.Lab lab = h.lab("november")) {
            lab.sim.feed().publish(potassium("L1").withNames("X".repeat(1500), "Y"));
            PathologyLabComponent c = lab.component(Map.of("maxResponseBytes", "1024", "pageSize", "4"));
            PollReport report = c.pollNow();

            assertThat(report.error()).hasValueSatisfying(e -> assertThat(e).startsWith("HF-601").contains("maxResponseBytes=1024"));
            assertThat(c.cursor()).isEmpty();
            assertThat(lab.sim.lastSince()).isEmpty();
            assertThat(h.kernel.journal().byMessageId("pathology:november:start:r1")).isEmpty();
        }
    }

    private static LabResultRow potassium(String accession) {
        return LabResultRow.result(accession, "9434765919", K, "Serum potassium", "4.4", "mmol/L");
    }

    private static HealthState health(LabHarness.Lab lab) {
        return h.kernel.health().components().stream().filter(c -> c.component().equals("pathology:" + lab.name)).findFirst()
                .map(c -> c.state()).orElse(null);
    }
}
