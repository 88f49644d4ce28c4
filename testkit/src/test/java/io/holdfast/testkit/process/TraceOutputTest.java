package io.holdfast.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** holdfast:trace output (TraceCommand: a header, an event line, a Karaf ShellTable of stages) read back. */
class TraceOutputTest {
    private static final String TWO_MESSAGES = String.join("\n",
            "Journal id 7  message M1  from pas via mllp:adt-feed  at 2026-03-01T10:15:12Z  format HL7V2:2.4",
            "  event Admission  claim NEW  payload 1130 bytes sha256:0a1b2c3d4e5f",
            "Seq | Stage       | At                   | System | Credential | Detail",
            "----+-------------+----------------------+--------+------------+---------------------------",
            "1   | RECEIVED    | 2026-03-01T10:15:12Z | pas    |            | ",
            "2   | TRANSFORMED | 2026-03-01T10:15:12Z | pas    |            | 25 fields",
            "3   | ROUTED      | 2026-03-01T10:15:12Z | epr    |            | route adt-to-epr event 0 NEW",
            "9   | ACKED       | 2026-03-01T10:15:13Z | epr    |            | AA",
            "Journal id 8  message M2  from pas via mllp:adt-feed  at 2026-03-01T10:15:14Z  format HL7V2:2.4",
            "  event Admission  claim DUPLICATE  payload -",
            "Seq | Stage    | At                   | System | Credential | Detail",
            "10  | RECEIVED | 2026-03-01T10:15:14Z | pas    |            | ");

    @Test
    void entriesCarryIdsClaimPayloadAndStagesInOrder() {
        List<TraceOutput.Entry> entries = TraceOutput.parse(TWO_MESSAGES);

        assertThat(entries).hasSize(2);
        TraceOutput.Entry first = entries.get(0);
        assertThat(first.journalId()).isEqualTo(7);
        assertThat(first.messageId()).isEqualTo("M1");
        assertThat(first.channel()).isEqualTo("mllp:adt-feed");
        assertThat(first.claim()).isEqualTo("NEW");
        assertThat(first.payloadSize()).contains(1130L);
        assertThat(first.payloadSha256Prefix()).contains("0a1b2c3d4e5f");
        assertThat(first.stages()).containsExactly("RECEIVED", "TRANSFORMED", "ROUTED", "ACKED");
        assertThat(first.count("ACKED")).isEqualTo(1);
        assertThat(entries.get(1).claim()).isEqualTo("DUPLICATE");
        assertThat(entries.get(1).payloadSize()).isEmpty();
        assertThat(entries.get(1).stages()).containsExactly("RECEIVED");
    }

    @Test
    void anUnexpectedLayoutIsRefusedRatherThanReadAsNothing() {
        assertThatThrownBy(() -> TraceOutput.parse("Journal id 7  message M1  from pas via mllp:x  at now\nsomething else"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unexpected holdfast:trace layout");
        assertThat(TraceOutput.parse("No journal entries")).isEmpty();
    }
}
