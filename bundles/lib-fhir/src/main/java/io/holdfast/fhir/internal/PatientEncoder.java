package io.holdfast.fhir.internal;

import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Address;
import io.holdfast.api.model.ContactPoint;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import io.holdfast.fhir.MappedPatient;
import io.holdfast.fhir.UkCore;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.BooleanType;

import java.util.List;

/** {@link MappedPatient} → R4 Patient (UK Core / PDS shape), recording canonical path → FHIRPath for each element. */
public final class PatientEncoder {
    private PatientEncoder() {
    }

    public static org.hl7.fhir.r4.model.Patient encode(MappedPatient mapped, FieldTrail trail) {
        Patient p = mapped.patient();
        org.hl7.fhir.r4.model.Patient fhir = new org.hl7.fhir.r4.model.Patient();
        mapped.resourceId().or(() -> p.nhsNumber().map(n -> n.value())).ifPresent(fhir::setId);
        mapped.versionId().ifPresent(v -> {
            fhir.getMeta().setVersionId(v);
            trail.outbound("versionId", "Patient.meta.versionId", v);
        });
        Sensitivity.encode(p.sensitivity(), fhir.getMeta(), trail);
        identifiers(p.identifiers(), mapped, fhir, trail);
        names(p.names(), fhir, trail);
        p.birthDate().ifPresent(d -> {
            fhir.setBirthDateElement(new DateType(d.toString()));
            trail.outbound("patient.birthDate", "Patient.birthDate", d.toString());
        });
        fhir.setGender(switch (p.gender()) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        });
        trail.outbound("patient.gender", "Patient.gender", fhir.getGender().toCode());
        if (mapped.deathDate().isPresent()) {
            fhir.setDeceased(new DateTimeType(mapped.deathDate().get().toString()));
            trail.outbound("deathDate", "Patient.deceasedDateTime", mapped.deathDate().get().toString());
        } else if (mapped.deceased()) {
            fhir.setDeceased(new BooleanType(true));
        }
        addresses(p.addresses(), fhir, trail);
        telecom(p.telecom(), fhir, trail);
        p.gpPractice().ifPresent(gp -> {
            fhir.addGeneralPractitioner(new Reference().setType("Organization")
                    .setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(UkCore.ODS_ORGANISATION_CODE).setValue(gp.odsCode())));
            trail.outbound("patient.gpPractice.odsCode", "Patient.generalPractitioner[0].identifier.value", gp.odsCode());
        });
        return fhir;
    }

    private static void identifiers(List<Identifier> ids, MappedPatient mapped, org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        for (int i = 0; i < ids.size(); i++) {
            Identifier id = ids.get(i);
            org.hl7.fhir.r4.model.Identifier out = fhir.addIdentifier().setSystem(id.system()).setValue(id.value());
            if (id.isNhsNumber()) {
                trail.outbound("patient.nhsNumber", "Patient.identifier[" + i + "].value", id.value());
                mapped.nhsNumberVerificationStatus().ifPresent(code -> out.addExtension(
                        UkCore.EXT_NHS_NUMBER_VERIFICATION_STATUS,
                        new CodeableConcept(new Coding(UkCore.CS_NHS_NUMBER_VERIFICATION_STATUS, code, null))));
            } else {
                trail.outbound("patient.identifiers[" + i + "].value", "Patient.identifier[" + i + "].value", id.value());
            }
        }
    }

    private static void names(List<HumanName> names, org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        for (int i = 0; i < names.size(); i++) {
            HumanName n = names.get(i);
            org.hl7.fhir.r4.model.HumanName out = fhir.addName();
            if (!n.family().isEmpty()) {
                out.setFamily(n.family());
            }
            n.given().forEach(out::addGiven);
            n.prefix().ifPresent(out::addPrefix);
            n.use().flatMap(u -> Codes.of(u, org.hl7.fhir.r4.model.HumanName.NameUse::fromCode)).ifPresent(out::setUse);
            trail.outbound("patient.names[" + i + "].family", "Patient.name[" + i + "].family", n.family());
            for (int g = 0; g < n.given().size(); g++) {
                trail.outbound("patient.names[" + i + "].given[" + g + "]", "Patient.name[" + i + "].given[" + g + "]", n.given().get(g));
            }
        }
    }

    private static void addresses(List<Address> addresses, org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        for (int i = 0; i < addresses.size(); i++) {
            Address a = addresses.get(i);
            org.hl7.fhir.r4.model.Address out = fhir.addAddress();
            a.lines().forEach(out::addLine);
            a.city().ifPresent(out::setCity);
            a.postcode().ifPresent(out::setPostalCode);
            a.use().flatMap(u -> Codes.of(u, org.hl7.fhir.r4.model.Address.AddressUse::fromCode)).ifPresent(out::setUse);
            for (int l = 0; l < a.lines().size(); l++) {
                trail.outbound("patient.addresses[" + i + "].lines[" + l + "]", "Patient.address[" + i + "].line[" + l + "]", a.lines().get(l));
            }
            trail.outbound("patient.addresses[" + i + "].city", "Patient.address[" + i + "].city", a.city().orElse(""));
            trail.outbound("patient.addresses[" + i + "].postcode", "Patient.address[" + i + "].postalCode", a.postcode().orElse(""));
        }
    }

    private static void telecom(List<ContactPoint> telecom, org.hl7.fhir.r4.model.Patient fhir, FieldTrail trail) {
        for (int i = 0; i < telecom.size(); i++) {
            ContactPoint c = telecom.get(i);
            org.hl7.fhir.r4.model.ContactPoint out = fhir.addTelecom().setValue(c.value());
            Codes.of(c.system(), org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem::fromCode).ifPresent(out::setSystem);
            Codes.of(c.use(), org.hl7.fhir.r4.model.ContactPoint.ContactPointUse::fromCode).ifPresent(out::setUse);
            trail.outbound("patient.telecom[" + i + "].value", "Patient.telecom[" + i + "].value", c.value());
        }
    }
}
