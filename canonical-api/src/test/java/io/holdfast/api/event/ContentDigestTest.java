package io.holdfast.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.SensitivityFlag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentDigestTest {
    private static final Visit VISIT = Visit.of(Identifier.local("RXX", "V123"), new OrganisationRef("RXX01"));

    private static Patient patient(String family) {
        return new Patient(List.of(Identifier.of(NhsNumber.parse("9449305552"))), List.of(HumanName.of(family, "Jo")),
                Optional.of(LocalDate.of(1970, 1, 2)), Gender.FEMALE, List.of(), List.of(), Optional.empty(), SensitivityFlag.U);
    }

    @Test
    void volatileFieldsDoNotChangeTheDigest() {
        Admission a = new Admission(patient("Smith"), VISIT, Optional.empty(), Optional.of(Instant.parse("2026-01-01T10:00:00Z")));
        Admission retry = new Admission(patient("Smith"), VISIT, Optional.empty(), Optional.of(Instant.parse("2026-01-01T10:05:00Z")));
        assertThat(a.digest()).isEqualTo(retry.digest());
    }

    @Test
    void clinicalContentChangesTheDigest() {
        DemographicUpdate a = new DemographicUpdate(patient("Smith"), Optional.empty(), Optional.empty());
        DemographicUpdate b = new DemographicUpdate(patient("Smyth"), Optional.empty(), Optional.empty());
        assertThat(a.key()).isEqualTo(b.key());
        assertThat(a.digest()).isNotEqualTo(b.digest());
    }

    @Test
    void whitespaceAroundValuesIsNormalisedAway() {
        assertThat(new DemographicUpdate(patient(" Smith "), null, null).digest())
                .isEqualTo(new DemographicUpdate(patient("Smith"), null, null).digest());
    }

    @Test
    void normalFormContainsNoMaskedToString() {
        String text = ContentDigest.normalise(new DemographicUpdate(patient("Smith"), null, null));
        assertThat(text).contains("9449305552").contains("Smith").doesNotContain("***");
    }

    @Test
    void vendorRecordsAreDigestedToo() {
        record BedState(String ward, int free) {
        }
        assertThat(ContentDigest.of(new BedState("W1", 3))).isNotEqualTo(ContentDigest.of(new BedState("W1", 4)));
        assertThat(ContentDigest.of(new BedState("W1", 3)).hex()).hasSize(64);
    }
}
