package io.holdfast.api.event;

import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A laboratory result (HL7v2 ORU^R01 OBR group, FHIR DiagnosticReport). Key: the filler order
 * number's system and filler order number | test code. A correction (status CORRECTED) has the
 * same key and a new digest, so it is routed as an amendment.
 */
@org.osgi.annotation.versioning.ProviderType
public record LabResult(Patient patient, Identifier fillerOrderNumber, Optional<Identifier> placerOrderNumber,
                        String testCode, String testCodeSystem, String testName, List<Observation> observations,
                        ResultStatus status, Optional<Instant> observedAt,
                        @DigestExcluded Optional<Instant> occurredAt) implements PatientEvent {
    public static final String TYPE = "LabResult";

    public LabResult {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(fillerOrderNumber, "fillerOrderNumber");
        Objects.requireNonNull(testCode, "testCode");
        testCodeSystem = testCodeSystem == null ? "" : testCodeSystem;
        testName = testName == null ? "" : testName;
        placerOrderNumber = placerOrderNumber == null ? Optional.empty() : placerOrderNumber;
        observations = observations == null ? List.of() : List.copyOf(observations);
        status = status == null ? ResultStatus.FINAL : status;
        observedAt = observedAt == null ? Optional.empty() : observedAt;
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        return new EventKey(TYPE, fillerOrderNumber.system(), fillerOrderNumber.value() + "|" + testCode);
    }
}
