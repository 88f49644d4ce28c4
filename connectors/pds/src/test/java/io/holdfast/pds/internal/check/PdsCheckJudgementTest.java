package io.holdfast.pds.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.pds.CallFailure;
import io.holdfast.pds.PdsRecord;
import io.holdfast.pds.RetrieveResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PdsCheckJudgementTest {
    static final NhsNumber OLD = NhsNumber.parse("9000000041");
    static final NhsNumber NEW = NhsNumber.parse("9000000068");

    static Patient patient(NhsNumber nhs, String family, String given, LocalDate dob) {
        return new Patient(List.of(Identifier.of(nhs)), List.of(HumanName.of(family, given)), Optional.of(dob), Gender.MALE, List.of(),
                List.of(), Optional.empty(), SensitivityFlag.U);
    }

    private static String summary(DeliveryResult r) {
        return ((DeliveryResult.Acknowledged) r).summary();
    }

    @Test
    void agreementIsAcknowledgedWithoutFlag() {
        Patient p = patient(NEW, "Hume", "Casey", LocalDate.of(1999, 9, 9));
        Patient inbound = patient(NEW, "HUME", "casey", LocalDate.of(1999, 9, 9));
        assertThat(summary(PdsCheckTransport.judge(inbound, new RetrieveResult.Found(new PdsRecord(NEW, 2, p), false))))
                .startsWith(PdsCheckTransport.MATCH).contains("agree with PDS v2");
    }

    @Test
    void supersededNumberAndNameDifferencesAreFlagged() {
        Patient pds = patient(NEW, "Hume", "Casey", LocalDate.of(1999, 9, 9));
        Patient inbound = patient(OLD, "Hulme", "Casey", LocalDate.of(1999, 9, 9));
        String s = summary(PdsCheckTransport.judge(inbound, new RetrieveResult.Superseded(OLD, NEW, new PdsRecord(NEW, 3, pds))));
        assertThat(s).isEqualTo("PDS mismatch: NHS number superseded by 9000000068; differs from PDS v3 in family; flagged for review, "
                + "nothing was changed");
    }

    @Test
    void unknownInvalidatedAreFlaggedAndOutagesAreTransient() {
        Patient inbound = patient(OLD, "Hume", "Casey", LocalDate.of(1999, 9, 9));
        assertThat(summary(PdsCheckTransport.judge(inbound, new RetrieveResult.NotFound(OLD)))).contains("not known to PDS");
        assertThat(summary(PdsCheckTransport.judge(inbound, new RetrieveResult.Invalidated(OLD)))).contains("invalidated");
        assertThat(PdsCheckTransport.judge(inbound, new RetrieveResult.Failed(new CallFailure("TOO_MANY_REQUESTS", "throttled", true))))
                .isInstanceOf(DeliveryResult.Transient.class);
        assertThat(PdsCheckTransport.judge(inbound, new RetrieveResult.Failed(new CallFailure("ACCESS_DENIED", "refused", false))))
                .isInstanceOf(DeliveryResult.Permanent.class);
    }

    @Test
    void namesCompareAgainstEveryPdsNameIgnoringCaseAccentsAndSpaces() {
        Patient pds = new Patient(List.of(Identifier.of(NEW)), List.of(HumanName.of("Smith", "Jane"), HumanName.of("O'Brien", "Zoë")),
                Optional.empty(), Gender.FEMALE, List.of(), List.of(), Optional.empty(), SensitivityFlag.U);
        assertThat(DemographicComparison.mismatches(patient(NEW, "OBRIEN", "Zoe", LocalDate.of(2000, 1, 1)), pds)).isEmpty();
        assertThat(DemographicComparison.mismatches(patient(NEW, "Smith", "Janet", LocalDate.of(2000, 1, 1)), pds)).containsExactly("given");
    }
}
