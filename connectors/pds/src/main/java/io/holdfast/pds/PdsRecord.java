package io.holdfast.pds;

import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import java.util.Objects;

/**
 * A patient as PDS holds them, at a version ({@code meta.versionId}, the {@code ETag} {@code W/"n"}). For a restricted
 * patient ({@code patient.sensitivity().isRestricted()}) address, telecom and GP practice are always empty.
 */
@org.osgi.annotation.versioning.ProviderType
public record PdsRecord(NhsNumber nhsNumber, int version, Patient patient) {
    public PdsRecord {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(patient, "patient");
        if (version < 0) {
            throw new IllegalArgumentException("version < 0");
        }
    }

    public boolean restricted() {
        return patient.sensitivity().isRestricted();
    }

    @Override
    public String toString() {
        return "PdsRecord[v" + version + ", " + patient.sensitivity() + "]";
    }
}
