package io.holdfast.journal.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.WireFormat;
import io.holdfast.journal.internal.JournalCore;
import io.holdfast.journal.internal.JournalFixture;
import io.holdfast.journal.internal.RetentionControl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journal commands fail with one clear line (a thrown CommandException, so Karaf exits non-zero) instead of printing. */
class JournalCommandsTest {
    @TempDir
    Path dir;
    EmbeddedDataSource ds;
    JournalCore journal;

    @BeforeEach
    void open() {
        ds = JournalFixture.derby(dir);
        journal = JournalFixture.open(dir, ds);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void traceWithoutACriterionFails() {
        TraceCommand trace = new TraceCommand();
        trace.journal = journal;
        assertThatThrownBy(trace::execute).isInstanceOf(CommandException.class)
                .hasMessage("trace: HF-101 give one of --id, --message-id, --nhs, --key or --system (see trace --help)");
    }

    @Test
    void traceWithAnInvalidNhsNumberOrKeyFails() {
        TraceCommand trace = new TraceCommand();
        trace.journal = journal;
        trace.nhs = "123";
        assertThatThrownBy(trace::execute).isInstanceOf(CommandException.class).hasMessageStartingWith("trace: HF-100");
        trace.nhs = null;
        trace.key = "only-two|parts";
        assertThatThrownBy(trace::execute).hasMessage("trace: HF-101 --key needs type|system|value");
    }

    @Test
    void traceWithNoMatchIsNotAnError() throws Exception {
        TraceCommand trace = new TraceCommand();
        trace.journal = journal;
        trace.messageId = "nothing";
        assertThat(trace.execute()).isNull();
    }

    @Test
    void limitsBelowOneFail() {
        InflightCommand inflight = new InflightCommand();
        inflight.journal = journal;
        inflight.limit = 0;
        assertThatThrownBy(inflight::execute).isInstanceOf(CommandException.class).hasMessage("inflight: --limit must be at least 1 (is 0)");
        TraceCommand trace = new TraceCommand();
        trace.journal = journal;
        trace.id = 1L;
        trace.limit = -1;
        assertThatThrownBy(trace::execute).hasMessage("trace: --limit must be at least 1 (is -1)");
    }

    @Test
    void aBrokenChainFailsVerifyNamingTheRow() throws Exception {
        for (int i = 0; i < 3; i++) {
            String id = "M" + i;
            journal.submit(b -> b.addMessage(Envelope.of(id, "pas", "t", WireFormat.opaque()), Optional.empty())).get(10, TimeUnit.SECONDS);
        }
        JournalVerifyCommand verify = new JournalVerifyCommand();
        verify.journal = journal;
        assertThat(verify.execute()).isNull();

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM journal_stage WHERE seq = 2");
        }
        assertThatThrownBy(verify::execute).isInstanceOf(CommandException.class)
                .hasMessage("journal-verify: HF-410 chain BROKEN at row 3: row 2 missing before row 3 (deleted) (2 rows read from the first row)");
    }

    @Test
    void aRetentionRunThatCannotStartFailsWithItsCode() {
        RetentionCommand retention = new RetentionCommand();
        retention.run = true;
        retention.retention = new RetentionControl() {
            @Override
            public String describePolicy() {
                return "payload files kept forever";
            }

            @Override
            public String describeDue() {
                return "due now: nothing";
            }

            @Override
            public String runNow(String actor) {
                throw new HoldfastException(ErrorCode.STORE_LOCKED, "retention is already running elsewhere");
            }
        };
        assertThatThrownBy(retention::execute).isInstanceOf(CommandException.class)
                .hasMessage("retention: HF-301 retention is already running elsewhere");
    }
}
