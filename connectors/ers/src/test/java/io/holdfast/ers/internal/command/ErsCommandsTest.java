package io.holdfast.ers.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.event.Referral;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.ers.AttachmentContent;
import io.holdfast.ers.CallContext;
import io.holdfast.ers.CallFailure;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.ErsResult;
import io.holdfast.ers.ErsService;
import io.holdfast.ers.NewReferral;
import io.holdfast.ers.ReviewOutcome;
import io.holdfast.ers.Ubrn;
import io.holdfast.ers.WorklistItem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** holdfast:ers-referral and holdfast:ers-worklist: output, and every error one thrown line (non-zero exit), nothing sent for bad input. */
class ErsCommandsTest {
    private final AtomicInteger calls = new AtomicInteger();
    private ErsResult<ErsReferral> nextReferral;
    private ErsResult<List<WorklistItem>> nextWorklist;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    private final ErsService service = new ErsService() {
        @Override
        public ErsResult<ErsReferral> retrieve(Ubrn ubrn, CallContext context) {
            calls.incrementAndGet();
            return nextReferral;
        }

        @Override
        public ErsResult<List<WorklistItem>> worklist(Optional<String> serviceId, CallContext context) {
            calls.incrementAndGet();
            return nextWorklist;
        }

        @Override
        public ErsResult<AttachmentContent> attachment(String binaryId, CallContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ErsResult<ErsReferral> review(Ubrn ubrn, ReviewOutcome outcome, CallContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ErsResult<ErsReferral> create(NewReferral referral, CallContext context) {
            throw new UnsupportedOperationException();
        }
    };

    @BeforeEach
    void captureOut() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOut() {
        System.setOut(original);
    }

    private ErsReferralCommand referral(String ubrn) {
        ErsReferralCommand c = new ErsReferralCommand();
        c.ers = service;
        c.ubrn = ubrn;
        return c;
    }

    @Test
    void aMalformedUbrnIsOneLineNamingWhatIsWrongAndNothingIsSent() {
        assertThatThrownBy(() -> referral("12345").execute()).isInstanceOf(CommandException.class)
                .hasMessage("ers-referral: HF-101 a UBRN is 12 digits; 5 digits were given");
        assertThatThrownBy(() -> referral("00000007000X").execute()).hasMessage("ers-referral: HF-101 a UBRN is 12 digits; character 12 is not a digit");
        assertThat(calls).hasValue(0);
    }

    @Test
    void aReferralIsPrinted() throws Exception {
        Referral r = new Referral("000000070000", Patient.identifiedBy(Identifier.of(NhsNumber.parse("9000000009"))), Optional.empty(),
                Optional.empty(), Optional.of("CARDIOLOGY"), Optional.of("ROUTINE"), "BOOKED", Optional.empty());
        nextReferral = new ErsResult.Done<>(new ErsReferral(r, "4", Optional.of("BOOKED"),
                List.of(new ErsReferral.Attachment("att-1", "letter.pdf", "application/pdf", Optional.of(10L), Optional.of("AVAILABLE")))), false);
        referral("0000 0007 0000").execute();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("UBRN        0000 0007 0000  (version 4)", "State       BOOKED", "Patient     900 000 0009",
                "att-1  application/pdf  letter.pdf  AVAILABLE");
    }

    @Test
    void e_RsRefusalsAndFailuresAreOneLine() {
        nextReferral = new ErsResult.Refused<>(404, "REFERRAL_NOT_FOUND", "Referral not found\nsecond line");
        assertThatThrownBy(() -> referral("000000070000").execute())
                .hasMessage("ers-referral: e-RS refused (HTTP 404 REFERRAL_NOT_FOUND): Referral not found second line");
        nextReferral = new ErsResult.Failed<>(new CallFailure("UNREACHABLE", "cannot reach http://127.0.0.1:1 (ConnectException)", true));
        assertThatThrownBy(() -> referral("000000070000").execute()).hasMessage("ers-referral: UNREACHABLE cannot reach http://127.0.0.1:1 (ConnectException)");
    }

    @Test
    void theWorklistIsATable() throws Exception {
        nextWorklist = new ErsResult.Done<>(List.of(new WorklistItem(new Ubrn("000000070002"), Optional.of("ROUTINE"), Optional.of("CARDIOLOGY"),
                Optional.of("TRIAGE_DEFERRAL"), Optional.of("NEVER_REVIEWED"))), false);
        ErsWorklistCommand c = new ErsWorklistCommand();
        c.ers = service;
        c.execute();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("000000070002", "TRIAGE_DEFERRAL", "NEVER_REVIEWED", "1 referral for review");

        c.service = "bad service!";
        assertThatThrownBy(c::execute).hasMessage("ers-worklist: --service is an e-RS service id: 1-64 of A-Z a-z 0-9 _ . -");
        nextWorklist = new ErsResult.Failed<>(new CallFailure("NOT_CONFIGURED", "an application-restricted worklist needs the e-RS service id", false));
        c.service = null;
        assertThatThrownBy(c::execute).hasMessageStartingWith("ers-worklist: NOT_CONFIGURED ");
    }
}
