package io.holdfast.fhir.internal;

import io.holdfast.api.error.InvalidNhsNumberException;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Address;
import io.holdfast.api.model.ContactPoint;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.fhir.FhirException;
import io.holdfast.fhir.MappedPatient;
import io.holdfast.fhir.UkCore;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** R4 Patient → {@link MappedPatient}, recording FHIRPath → canonical path for each mapped element. */
public final class PatientDecoder {
    private static final String NHS_PATH = "Patient.identifier.where(system='" + UkCore.NHS_NUMBER + "')";

    private PatientDecoder() {
    }

    public static MappedPatient decode(org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        List<Identifier> ids = new ArrayList<>();
        Optional<String> verification = identifiers(fhir, ids, trail);
        Patient patient = new Patient(ids, names(fhir, trail), birthDate(fhir, trail), gender(fhir, trail),
                addresses(fhir, trail), telecom(fhir, trail), gp(fhir, trail), Sensitivity.decode(fhir.getMeta(), trail));
        Optional<String> id = Optional.ofNullable(fhir.getIdElement().getIdPart()).filter(s -> !s.isBlank());
        Optional<String> version = Optional.ofNullable(fhir.getMeta().getVersionId()).filter(s -> !s.isBlank());
        version.ifPresent(v -> trail.inbound("Patient.meta.versionId", "versionId", v));
        boolean deceased = fhir.hasDeceasedBooleanType() && fhir.getDeceasedBooleanType().booleanValue()
                || fhir.hasDeceasedDateTimeType();
        Optional<LocalDate> death = Optional.empty();
        // a year or month alone states a death but no date: deceased, without inventing a day
        if (fhir.hasDeceasedDateTimeType() && fhir.getDeceasedDateTimeType().getPrecision().ordinal() >= TemporalPrecisionEnum.DAY.ordinal()) {
            DateTimeType when = fhir.getDeceasedDateTimeType();
            death = Optional.of(LocalDate.of(when.getYear(), when.getMonth() + 1, when.getDay()));
            trail.inbound("Patient.deceasedDateTime", "deathDate", death.get().toString());
        }
        return new MappedPatient(patient, id, version, deceased, death, verification);
    }

    /** Fills {@code ids}; returns the NHS number's verification status. */
    private static Optional<String> identifiers(org.hl7.fhir.r4.model.Patient fhir, List<Identifier> ids, FieldTrail trail) {
        Optional<String> verification = Optional.empty();
        List<org.hl7.fhir.r4.model.Identifier> list = fhir.getIdentifier();
        for (int i = 0; i < list.size(); i++) {
            org.hl7.fhir.r4.model.Identifier id = list.get(i);
            if (!id.hasValue() || !id.hasSystem()) {
                continue; // an identifier without system names nothing unambiguously (README: not mapped)
            }
            if (UkCore.NHS_NUMBER.equals(id.getSystem())) {
                NhsNumber nhs = nhsNumber(id.getValue(), i);
                if (ids.stream().noneMatch(Identifier::isNhsNumber)) {
                    ids.add(Identifier.of(nhs));
                    trail.inbound(NHS_PATH + ".value", "patient.nhsNumber", nhs.value());
                    verification = verification(id);
                    verification.ifPresent(v -> trail.inbound(NHS_PATH + ".extension.where(url='"
                            + UkCore.EXT_NHS_NUMBER_VERIFICATION_STATUS + "').value.coding.code", "nhsNumberVerificationStatus", v));
                }
            } else {
                ids.add(new Identifier(id.getSystem(), id.getValue()));
                String path = FhirPaths.item("Patient.identifier", list, i, "system", org.hl7.fhir.r4.model.Identifier::getSystem);
                trail.inbound(path + ".value", "patient.identifiers[" + (ids.size() - 1) + "].value", id.getValue());
            }
        }
        if (ids.isEmpty()) {
            throw new FhirException(FhirException.Problem.MISSING_FIELD,
                    "Patient.identifier holds no identifier with both system and value");
        }
        return verification;
    }

    private static NhsNumber nhsNumber(String value, int index) {
        try {
            return NhsNumber.parse(value);
        } catch (InvalidNhsNumberException e) {
            throw new FhirException(FhirException.Problem.INVALID_NHS_NUMBER,
                    "Patient.identifier[" + index + "] (system nhs-number): " + e.getMessage());
        }
    }

    private static Optional<String> verification(org.hl7.fhir.r4.model.Identifier id) {
        Extension ext = id.getExtensionByUrl(UkCore.EXT_NHS_NUMBER_VERIFICATION_STATUS);
        if (ext == null || !(ext.getValue() instanceof org.hl7.fhir.r4.model.CodeableConcept cc)) {
            return Optional.empty();
        }
        return cc.getCoding().stream().map(org.hl7.fhir.r4.model.Coding::getCode).filter(c -> c != null && !c.isBlank()).findFirst();
    }

    private static List<HumanName> names(org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        List<org.hl7.fhir.r4.model.HumanName> list = fhir.getName();
        List<HumanName> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            org.hl7.fhir.r4.model.HumanName n = list.get(i);
            List<String> given = n.getGiven().stream().map(StringType::getValue).filter(g -> g != null && !g.isBlank()).toList();
            if (!n.hasFamily() && given.isEmpty()) {
                continue;
            }
            Optional<String> use = n.hasUse() ? Optional.of(n.getUse().toCode()) : Optional.empty();
            Optional<String> prefix = n.getPrefix().stream().map(StringType::getValue).filter(p -> p != null && !p.isBlank()).findFirst();
            out.add(new HumanName(n.getFamily(), given, prefix, use));
            String path = FhirPaths.item("Patient.name", list, i, "use", x -> x.hasUse() ? x.getUse().toCode() : "");
            String target = "patient.names[" + (out.size() - 1) + "]";
            trail.inbound(path + ".family", target + ".family", n.getFamily());
            for (int g = 0; g < given.size(); g++) {
                trail.inbound(path + ".given[" + g + "]", target + ".given[" + g + "]", given.get(g));
            }
            prefix.ifPresent(p -> trail.inbound(path + ".prefix[0]", target + ".prefix", p));
        }
        return out;
    }

    private static Optional<LocalDate> birthDate(org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        if (!fhir.hasBirthDate()) {
            return Optional.empty();
        }
        if (fhir.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
            throw new FhirException(FhirException.Problem.INVALID_VALUE,
                    "Patient.birthDate has no day; the canonical model needs a full date");
        }
        LocalDate date = LocalDate.parse(fhir.getBirthDateElement().getValueAsString());
        trail.inbound("Patient.birthDate", "patient.birthDate", date.toString());
        return Optional.of(date);
    }

    private static Gender gender(org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        if (!fhir.hasGender()) {
            return Gender.UNKNOWN;
        }
        AdministrativeGender g = fhir.getGender();
        trail.inbound("Patient.gender", "patient.gender", g.toCode());
        return switch (g) {
            case MALE -> Gender.MALE;
            case FEMALE -> Gender.FEMALE;
            case OTHER -> Gender.OTHER;
            default -> Gender.UNKNOWN;
        };
    }

    private static List<Address> addresses(org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        List<org.hl7.fhir.r4.model.Address> list = fhir.getAddress();
        List<Address> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            org.hl7.fhir.r4.model.Address a = list.get(i);
            List<String> lines = new ArrayList<>(a.getLine().stream().map(StringType::getValue)
                    .filter(l -> l != null && !l.isBlank()).toList());
            if (a.hasDistrict()) {
                lines.add(a.getDistrict());
            }
            Optional<String> city = Optional.ofNullable(a.getCity()).filter(s -> !s.isBlank());
            Optional<String> postcode = Optional.ofNullable(a.getPostalCode()).filter(s -> !s.isBlank());
            if (lines.isEmpty() && city.isEmpty() && postcode.isEmpty()) {
                continue;
            }
            out.add(new Address(lines, city, postcode, a.hasUse() ? Optional.of(a.getUse().toCode()) : Optional.empty()));
            String path = "Patient.address[" + i + "]";
            String target = "patient.addresses[" + (out.size() - 1) + "]";
            for (int l = 0; l < a.getLine().size(); l++) {
                trail.inbound(path + ".line[" + l + "]", target + ".lines[" + l + "]", a.getLine().get(l).getValue());
            }
            trail.inbound(path + ".district", target + ".lines[" + a.getLine().size() + "]", a.getDistrict());
            trail.inbound(path + ".city", target + ".city", city.orElse(""));
            trail.inbound(path + ".postalCode", target + ".postcode", postcode.orElse(""));
        }
        return out;
    }

    private static List<ContactPoint> telecom(org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        List<org.hl7.fhir.r4.model.ContactPoint> list = fhir.getTelecom();
        List<ContactPoint> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            org.hl7.fhir.r4.model.ContactPoint c = list.get(i);
            if (!c.hasValue()) {
                continue;
            }
            out.add(new ContactPoint(c.hasSystem() ? c.getSystem().toCode() : "other", c.getValue(),
                    c.hasUse() ? c.getUse().toCode() : ""));
            trail.inbound("Patient.telecom[" + i + "].value", "patient.telecom[" + (out.size() - 1) + "].value", c.getValue());
        }
        return out;
    }

    /** The registered GP practice: the first {@code generalPractitioner} identified by an ODS organisation code. */
    private static Optional<OrganisationRef> gp(org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        for (Reference ref : fhir.getGeneralPractitioner()) {
            if (ref.hasIdentifier() && UkCore.ODS_ORGANISATION_CODE.equals(ref.getIdentifier().getSystem())
                    && ref.getIdentifier().hasValue()) {
                OrganisationRef org = new OrganisationRef(ref.getIdentifier().getValue());
                trail.inbound("Patient.generalPractitioner.identifier.where(system='" + UkCore.ODS_ORGANISATION_CODE
                        + "').value", "patient.gpPractice.odsCode", org.odsCode());
                return Optional.of(org);
            }
        }
        return Optional.empty();
    }
}
