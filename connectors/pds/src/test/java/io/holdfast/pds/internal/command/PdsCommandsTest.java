package io.holdfast.pds.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.model.Address;
import io.holdfast.api.model.ContactPoint;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.CallFailure;
import io.holdfast.pds.PdsRecord;
import io.holdfast.pds.PdsService;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.TraceQuery;
import io.holdfast.pds.TraceResult;
import io.holdfast.pds.UpdateRequest;
import io.holdfast.pds.UpdateResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shell verbs: masking of restricted fields, the Modulus 11 reason, and one-line errors (non-zero exit). */
class PdsCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream saved;
    private final AtomicReference<Object> answer = new AtomicReference<>();
    private final AtomicReference<TraceQuery> asked = new AtomicReference<>();

    private final PdsService pds = new PdsService() {
        @Override
        public RetrieveResult retrieve(NhsNumber nhsNumber, CallContext context) {
            return (RetrieveResult) answer.get();
        }

        @Override
        public TraceResult trace(TraceQuery query, CallContext context) {
            asked.set(query);
            return (TraceResult) answer.get();
        }

        @Override
        public UpdateResult update(UpdateRequest request, CallContext context) {
            throw new UnsupportedOperationException();
        }
    };

    @BeforeEach
    void capture() {
        saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(saved);
    }

    static PdsRecord record(SensitivityFlag flag) {
        NhsNumber nhs = NhsNumber.parse("9000000025");
        Patient p = new Patient(List.of(Identifier.of(nhs)), List.of(HumanName.of("Smythe", "Janet")), Optional.of(LocalDate.of(2005, 6, 16)),
                Gender.FEMALE, List.of(new Address(List.of("1 Secret Lane"), Optional.empty(), Optional.of("ZZ1 9ZZ"), Optional.empty())),
                List.of(new ContactPoint("phone", "07700900123", "home")), Optional.of(new OrganisationRef("Y99999")), flag);
        return new PdsRecord(nhs, 3, flag.isRestricted() ? p.withRestrictedFieldsRemoved() : p);
    }

    private String get(String nhs) throws Exception {
        PdsGetCommand c = new PdsGetCommand();
        c.pds = pds;
        c.nhs = nhs;
        c.execute();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void getShowsARestrictedPatientWithFieldsWithheld() throws Exception {
        answer.set(new RetrieveResult.Found(record(SensitivityFlag.R), false));
        String text = get("900 000 0025");
        assertThat(text).contains("900 000 0025").contains("Sensitivity: R").contains("Janet SMYTHE").contains(PatientPrinter.WITHHELD)
                .doesNotContain("Secret Lane").doesNotContain("07700900123").doesNotContain("Y99999");
    }

    @Test
    void getShowsAnUnrestrictedPatientInFull() throws Exception {
        answer.set(new RetrieveResult.Found(record(SensitivityFlag.U), false));
        assertThat(get("9000000025")).contains("1 Secret Lane, ZZ1 9ZZ").contains("07700900123").contains("Y99999");
    }

    @Test
    void aBadNumberFailsWithTheModulus11Reason() {
        assertThatThrownBy(() -> get("9000000000")).isInstanceOf(CommandException.class)
                .hasMessage("pds-get: HF-100 Invalid NHS number: check digit does not match (Modulus 11)");
        assertThatThrownBy(() -> get("90000")).isInstanceOf(CommandException.class).hasMessageContaining("must have 10 digits");
    }

    @Test
    void notFoundAndFailuresExitNonZeroWithOneLine() {
        answer.set(new RetrieveResult.NotFound(NhsNumber.parse("9111231130")));
        assertThatThrownBy(() -> get("9111231130")).isInstanceOf(CommandException.class).hasMessageContaining("RESOURCE_NOT_FOUND");
        answer.set(new RetrieveResult.Failed(new CallFailure("SERVICE_UNAVAILABLE", "PDS failed 3 times; try again later", true)));
        assertThatThrownBy(() -> get("9000000009")).hasMessage("pds-get: SERVICE_UNAVAILABLE PDS failed 3 times; try again later");
    }

    @Test
    void traceSendsTheOptionsAndMasksRestrictedRows() throws Exception {
        answer.set(new TraceResult.Matches(List.of(new TraceResult.Candidate(record(SensitivityFlag.R), 0.95))));
        PdsTraceCommand c = new PdsTraceCommand();
        c.pds = pds;
        c.family = "Smythe";
        c.given = "Janet";
        c.dob = "ge2005-01-01";
        c.gender = "female";
        c.fuzzy = true;
        c.max = 5;
        c.execute();

        TraceQuery q = asked.get();
        assertThat(q.birthDates()).extracting(TraceQuery.DateCriterion::parameter).containsExactly("ge2005-01-01");
        assertThat(q.fuzzy()).isTrue();
        assertThat(q.maxResults()).isEqualTo(5);
        assertThat(q.gender()).contains(Gender.FEMALE);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("0.9500").contains("(withheld)").doesNotContain("ZZ1 9ZZ").doesNotContain("Y99999");
    }

    @Test
    void tooManyMatchesAndBadOptionsFail() {
        answer.set(new TraceResult.TooManyMatches());
        PdsTraceCommand c = new PdsTraceCommand();
        c.pds = pds;
        c.family = "Smith";
        c.dob = "2010-10-22";
        assertThatThrownBy(c::execute).hasMessageContaining("TOO_MANY_MATCHES");
        c.dob = "22/10/2010";
        assertThatThrownBy(c::execute).hasMessage("pds-trace: --dob must be yyyy-mm-dd (optionally eq, ge or le before it)");
        c.dob = "2010-10-22";
        c.max = 51;
        assertThatThrownBy(c::execute).hasMessageContaining("maxResults must be 1-50");
    }
}
