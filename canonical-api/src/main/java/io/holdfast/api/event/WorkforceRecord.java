package io.holdfast.api.event;

import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.HumanName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An ESR person/assignment record. Key: {@link KeySystems#ESR_ASSIGNMENT}, employee number |
 * assignment number; each day's change is an amendment of the same key.
 */
@org.osgi.annotation.versioning.ProviderType
public record WorkforceRecord(String employeeNumber, String assignmentNumber, HumanName name,
                              Optional<String> position, Optional<String> organisation,
                              Optional<BigDecimal> contractedHours, Optional<BigDecimal> annualLeaveHours,
                              Optional<LocalDate> effectiveFrom, Optional<LocalDate> effectiveTo,
                              @DigestExcluded Optional<Instant> occurredAt) implements ClinicalEvent {
    public static final String TYPE = "WorkforceRecord";

    public WorkforceRecord {
        Objects.requireNonNull(employeeNumber, "employeeNumber");
        Objects.requireNonNull(assignmentNumber, "assignmentNumber");
        Objects.requireNonNull(name, "name");
        position = position == null ? Optional.empty() : position;
        organisation = organisation == null ? Optional.empty() : organisation;
        contractedHours = contractedHours == null ? Optional.empty() : contractedHours;
        annualLeaveHours = annualLeaveHours == null ? Optional.empty() : annualLeaveHours;
        effectiveFrom = effectiveFrom == null ? Optional.empty() : effectiveFrom;
        effectiveTo = effectiveTo == null ? Optional.empty() : effectiveTo;
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        return new EventKey(TYPE, KeySystems.ESR_ASSIGNMENT, employeeNumber + "|" + assignmentNumber);
    }

    @Override
    public Optional<Identifier> subject() {
        return Optional.empty();
    }
}
