package io.holdfast.api.model;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A patient as the canonical model knows them. At least one identifier is required; the NHS
 * number is optional (unidentified and overseas patients have only local MRNs).
 */
@org.osgi.annotation.versioning.ProviderType
public record Patient(
        List<Identifier> identifiers,
        List<HumanName> names,
        Optional<LocalDate> birthDate,
        Gender gender,
        List<Address> addresses,
        List<ContactPoint> telecom,
        Optional<OrganisationRef> gpPractice,
        SensitivityFlag sensitivity) {

    public Patient {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        if (identifiers.isEmpty()) {
            throw new HoldfastException(ErrorCode.INVALID_EVENT, "a patient needs at least one identifier");
        }
        names = names == null ? List.of() : List.copyOf(names);
        birthDate = birthDate == null ? Optional.empty() : birthDate;
        gender = gender == null ? Gender.UNKNOWN : gender;
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        telecom = telecom == null ? List.of() : List.copyOf(telecom);
        gpPractice = gpPractice == null ? Optional.empty() : gpPractice;
        sensitivity = sensitivity == null ? SensitivityFlag.U : sensitivity;
    }

    /** The verified NHS number, if the patient has one. */
    public Optional<NhsNumber> nhsNumber() {
        return identifiers.stream().filter(Identifier::isNhsNumber).findFirst().map(i -> NhsNumber.parse(i.value()));
    }

    /**
     * The identifier natural keys use: the NHS number where present, otherwise the first local
     * identifier (with its assigning authority in the system, so MRNs of two PASes never collide).
     */
    public Identifier primaryIdentifier() {
        return identifiers.stream().filter(Identifier::isNhsNumber).findFirst().orElse(identifiers.get(0));
    }

    /** A copy with address, telecom and GP removed, as PDS does for restricted records. */
    public Patient withRestrictedFieldsRemoved() {
        return new Patient(identifiers, names, birthDate, gender, List.of(), List.of(), Optional.empty(), sensitivity);
    }

    /** A minimal patient known only by identifiers (e.g. the subject of a cancellation). */
    public static Patient identifiedBy(Identifier... ids) {
        return new Patient(List.of(ids), List.of(), Optional.empty(), Gender.UNKNOWN, List.of(), List.of(),
                Optional.empty(), SensitivityFlag.U);
    }

    @Override
    public String toString() {
        return "Patient[identifiers=" + identifiers.size() + ", sensitivity=" + sensitivity + "]";
    }
}
