package io.holdfast.api.event;

import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.PractitionerRef;
import java.util.Objects;
import java.util.Optional;

/**
 * A hospital visit / spell (HL7v2 PV1, FHIR Encounter). The visit number with the facility is
 * the natural identity of admission-type events.
 */
@org.osgi.annotation.versioning.ProviderType
public record Visit(
        Identifier visitNumber,
        OrganisationRef facility,
        Optional<String> patientClass,
        Optional<String> location,
        Optional<PractitionerRef> attending,
        Optional<String> specialty) {

    public Visit {
        Objects.requireNonNull(visitNumber, "visitNumber");
        Objects.requireNonNull(facility, "facility");
        patientClass = patientClass == null ? Optional.empty() : patientClass;
        location = location == null ? Optional.empty() : location;
        attending = attending == null ? Optional.empty() : attending;
        specialty = specialty == null ? Optional.empty() : specialty;
    }

    public static Visit of(Identifier visitNumber, OrganisationRef facility) {
        return new Visit(visitNumber, facility, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@code facility|visitSystem|visitNumber}. */
    String token() {
        return facility.odsCode() + "|" + visitNumber.token();
    }
}
