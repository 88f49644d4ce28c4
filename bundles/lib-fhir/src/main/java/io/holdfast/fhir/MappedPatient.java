package io.holdfast.fhir;

import io.holdfast.api.model.Patient;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A FHIR Patient in canonical form plus what the canonical {@link Patient} does not carry but FHIR
 * clients need: the server's resource id and {@code meta.versionId} (PDS updates need it for
 * {@code If-Match}), death, and the NHS number verification status.
 *
 * @param patient                     the canonical patient (sensitivity from {@code meta.security})
 * @param resourceId                  {@code Patient.id} (for PDS: the NHS number)
 * @param versionId                   {@code Patient.meta.versionId} (PDS ETag {@code W/"n"} carries the same)
 * @param deceased                    {@code Patient.deceased[x]} states a death (boolean true or a date)
 * @param deathDate                   the date of {@code Patient.deceasedDateTime}, if given
 * @param nhsNumberVerificationStatus the UK Core verification status code of the NHS number ({@code 01} = verified)
 */
@org.osgi.annotation.versioning.ProviderType
public record MappedPatient(Patient patient, Optional<String> resourceId, Optional<String> versionId, boolean deceased,
                            Optional<LocalDate> deathDate, Optional<String> nhsNumberVerificationStatus) {
    public MappedPatient {
        java.util.Objects.requireNonNull(patient, "patient");
        resourceId = resourceId == null ? Optional.empty() : resourceId;
        versionId = versionId == null ? Optional.empty() : versionId;
        deathDate = deathDate == null ? Optional.empty() : deathDate;
        deceased = deceased || deathDate.isPresent();
        nhsNumberVerificationStatus = nhsNumberVerificationStatus == null ? Optional.empty() : nhsNumberVerificationStatus;
    }

    /** Only the canonical patient: no id, version, death or verification status. */
    public static MappedPatient of(Patient patient) {
        return new MappedPatient(patient, Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "MappedPatient[" + patient + ", versionId=" + versionId.orElse("-") + "]";
    }
}
