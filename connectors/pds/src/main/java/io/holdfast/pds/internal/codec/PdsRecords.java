package io.holdfast.pds.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.error.InvalidNhsNumberException;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.pds.PdsRecord;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A PDS Patient resource as a {@link PdsRecord} plus the JSON that may be kept of it. For a restricted patient (R, V,
 * REDACTED, or no statement at all) both are cut down here, at the connector's edge: the canonical patient loses
 * address, telecom and GP practice, the JSON also loses contacts; nothing downstream ever sees them.
 */
public final class PdsRecords {
    private final PatientMapping mapping;

    public PdsRecords(PatientMapping mapping) {
        this.mapping = mapping;
    }

    /** A record and the JSON to journal. */
    public record Read(PdsRecord record, JsonNode kept) {
    }

    /** Empty if the resource is not a Patient with a valid NHS number as its id, a version, and a mappable body. */
    public Optional<Read> read(JsonNode resource, Optional<String> etag) {
        if (!"Patient".equals(PdsJson.resourceType(resource))) {
            return Optional.empty();
        }
        NhsNumber nhs;
        try {
            nhs = NhsNumber.parse(PdsJson.id(resource));
        } catch (InvalidNhsNumberException e) {
            return Optional.empty();
        }
        OptionalInt version = PdsJson.version(resource, etag);
        Optional<Patient> mapped = mapping.toCanonical(resource);
        if (version.isEmpty() || mapped.isEmpty()) {
            return Optional.empty();
        }
        Patient patient = mapped.get();
        if (patient.sensitivity().isRestricted()) {
            return Optional.of(new Read(new PdsRecord(nhs, version.getAsInt(), patient.withRestrictedFieldsRemoved()),
                    PdsJson.withoutRestrictedFields(resource)));
        }
        return Optional.of(new Read(new PdsRecord(nhs, version.getAsInt(), patient), resource));
    }
}
