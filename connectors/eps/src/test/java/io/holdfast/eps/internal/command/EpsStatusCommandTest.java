package io.holdfast.eps.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.event.Prescription;
import io.holdfast.api.kernel.Stage;
import io.holdfast.eps.internal.EpsFixture;
import io.holdfast.eps.internal.Samples;
import io.holdfast.eps.internal.StubEps;
import io.holdfast.testkit.journal.JournalTrace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpsStatusCommandTest {
    @TempDir
    Path dir;

    @Test
    void malformedIdsFailWithOneLineNamingThePartAtFault() {
        EpsStatusCommand c = new EpsStatusCommand();
        c.id = "EB8B1F-A83008-42DC8";
        assertThatThrownBy(c::execute).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("eps-status: prescription id 'EB8B1F-A83008-42DC8' is not in the form XXXXXX-XXXXXX-XXXXXC")
                .hasMessageNotContaining("\n");
        c.id = "EB8B1F-A83008-42DC8M";
        assertThatThrownBy(c::execute).isInstanceOf(CommandException.class).hasMessageContaining("wrong check character (MOD 37-2)")
                .hasMessageNotContaining("'L'");
    }

    @Test
    void theLineageComesFromTheJournalAndAnUnknownIdFails() throws Exception {
        try (StubEps stub = new StubEps(); EpsFixture eps = EpsFixture.start(dir, stub.baseUrl())) {
            Prescription p = Samples.prescription("status", "100 tablet");
            eps.receive("RX-STATUS", p);
            JournalTrace.awaitStage(eps.kernel.journal(), "RX-STATUS", Stage.ACKED, Duration.ofSeconds(30));
            EpsStatusCommand c = new EpsStatusCommand();
            c.journal = eps.kernel.journal();
            c.id = p.prescriptionId().value().toLowerCase();
            String out = run(c);
            assertThat(out).contains("RECEIVED").contains("SENT").contains("ACKED").contains("EPS accepted prescription-order")
                    .contains(p.prescriptionId().value()).doesNotContain("9449304130");
            c.id = Samples.id("never-sent").value();
            assertThatThrownBy(c::execute).isInstanceOf(CommandException.class).hasMessageContaining("the journal has nothing about prescription");
        }
    }

    private static String run(EpsStatusCommand c) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            c.execute();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
