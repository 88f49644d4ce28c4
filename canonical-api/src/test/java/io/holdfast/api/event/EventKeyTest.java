package io.holdfast.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventKeyTest {
    private static final NhsNumber NHS = NhsNumber.parse("9449305552");
    private static final Visit VISIT = Visit.of(Identifier.local("RXX", "V123"), new OrganisationRef("rxx01"));

    @Test
    void admissionKeyUsesVisitFacilityAndNhsNumber() {
        Patient p = Patient.identifiedBy(Identifier.local("PAS", "M1"), Identifier.of(NHS));
        EventKey key = new Admission(p, VISIT, Optional.empty(), Optional.empty()).key();
        assertThat(key.eventType()).isEqualTo("Admission");
        assertThat(key.system()).isEqualTo(KeySystems.VISIT);
        assertThat(key.value()).isEqualTo("RXX01|urn:holdfast:local:RXX|V123|https://fhir.nhs.uk/Id/nhs-number|9449305552");
    }

    @Test
    void unidentifiedPatientIsKeyedByMrnWithAssigningAuthority() {
        Patient a = Patient.identifiedBy(Identifier.local("PAS-A", "M1"));
        Patient b = Patient.identifiedBy(Identifier.local("PAS-B", "M1"));
        EventKey ka = new Admission(a, VISIT, Optional.empty(), Optional.empty()).key();
        EventKey kb = new Admission(b, VISIT, Optional.empty(), Optional.empty()).key();
        assertThat(ka).isNotEqualTo(kb);
        assertThat(ka.value()).endsWith("urn:holdfast:local:PAS-A|M1");
    }

    @Test
    void transfersOfOneVisitHaveDistinctKeys() {
        Patient p = Patient.identifiedBy(Identifier.of(NHS));
        Transfer t1 = new Transfer(p, VISIT, Optional.of("W1"), Instant.parse("2026-01-01T10:00:00Z"), Optional.empty());
        Transfer t2 = new Transfer(p, VISIT, Optional.of("W2"), Instant.parse("2026-01-02T10:00:00Z"), Optional.empty());
        assertThat(t1.key()).isNotEqualTo(t2.key());
    }

    @Test
    void cancellationReferencesTheCancelledKey() {
        Patient p = Patient.identifiedBy(Identifier.of(NHS));
        Admission a = new Admission(p, VISIT, Optional.empty(), Optional.empty());
        Cancellation c = new Cancellation(a.key(), p, Optional.empty(), Optional.empty());
        assertThat(c.key().eventType()).isEqualTo("Cancellation");
        assertThat(c.key().value()).startsWith("Admission|").endsWith(a.key().value());
        assertThat(c.cancelled()).isEqualTo(a.key());
    }

    @Test
    void referralIsKeyedByUbrnAndValidatesIt() {
        Patient p = Patient.identifiedBy(Identifier.of(NHS));
        Referral r = new Referral("000000070000", p, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "booked", Optional.empty());
        assertThat(r.key()).isEqualTo(new EventKey("Referral", KeySystems.UBRN, "000000070000"));
        assertThatThrownBy(() -> new Referral("12345", p, null, null, null, null, "x", null)).isInstanceOf(HoldfastException.class);
    }

    @Test
    void subjectGivesNhsNumberWhenPresent() {
        Patient p = Patient.identifiedBy(Identifier.local("PAS", "M1"), Identifier.of(NHS));
        assertThat(new Admission(p, VISIT, null, null).nhsNumber()).contains(NHS);
        FileTransfer f = new FileTransfer("MESH", "20260101-abc", Optional.empty(), "00", 1, Map.of(), Optional.empty());
        assertThat(f.nhsNumber()).isEmpty();
        assertThat(f.key().system()).isEqualTo("urn:holdfast:transport:MESH");
    }

    @Test
    void keyToStringHidesTheValue() {
        Patient p = Patient.identifiedBy(Identifier.of(NHS));
        assertThat(new Admission(p, VISIT, null, null).key().toString()).doesNotContain("9449305552");
        assertThat(List.of(p).toString()).doesNotContain("9449305552");
    }
}
