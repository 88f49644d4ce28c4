package io.holdfast.examples.pathology.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.examples.pathology.internal.config.LabHarness;
import io.holdfast.examples.pathology.internal.config.LabView;
import io.holdfast.examples.pathology.simulator.LabResultRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabCommandsTest {
    static LabHarness h;

    @BeforeAll
    static void kernel() {
        h = LabHarness.shared();
    }

    @Test
    void labsShowsCursorLastPollResultCredentialAndRows() throws Exception {
        try (LabHarness.Lab lab = h.lab("oscar")) {
            lab.sim.feed().publish(LabResultRow.result("L1", "9434765919", "T1", "Test", "1", "u"));
            LabView view = lab.component();
            String before = run(labs(List.of(view)));
            assertThat(before).contains("oscar").contains("(start)").contains("not polled yet");

            LabPollCommand poll = new LabPollCommand();
            poll.labs = List.of(view);
            poll.name = "oscar";
            assertThat(run(poll)).startsWith("oscar: polled at").contains("1 rows (1 new").contains("cursor c1");

            String after = run(labs(List.of(view)));
            assertThat(after).contains("c1").contains("OK").contains("oscar-lab@v1");
        }
    }

    @Test
    void anUnknownLabAndAFailedPollAreOneLineErrors() throws Exception {
        try (LabHarness.Lab lab = h.lab("papa")) {
            LabView view = lab.component();
            LabPollCommand unknown = new LabPollCommand();
            unknown.labs = List.of(view);
            unknown.name = "nope";
            assertThatThrownBy(unknown::execute).isInstanceOf(CommandException.class)
                    .hasMessage("HF-200 no running pathology lab 'nope'; running: [papa]; a lab whose configuration was refused is shown DOWN "
                            + "by holdfast:status");

            lab.sim.faults().failNext(3, 500);
            LabPollCommand failing = new LabPollCommand();
            failing.labs = List.of(view);
            failing.name = "papa";
            assertThatThrownBy(failing::execute).isInstanceOf(CommandException.class)
                    .hasMessageStartingWith("papa: poll failed at").hasMessageContaining("HF-600").satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain("\n"));
        }
    }

    @Test
    void noLabSaysHowToAddOne() throws Exception {
        assertThat(run(labs(null))).contains("No pathology lab is running").contains("io.holdfast.examples.pathology.lab-<name>.cfg");
    }

    private static LabsCommand labs(List<LabView> views) {
        LabsCommand c = new LabsCommand();
        c.labs = views;
        return c;
    }

    private static String run(org.apache.karaf.shell.api.action.Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.execute();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
