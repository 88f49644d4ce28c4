package io.holdfast.fhir;

import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Address;
import io.holdfast.api.model.ContactPoint;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.api.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FhirPatientsTest {

    @Test
    void mapsThePdsSandboxPatientWithFieldRecords() {
        FieldTrail trail = FieldTrail.empty();
        MappedPatient m = FhirPatients.fromJson(Fixtures.json("pds-patient-9000000009.json"), trail);
        Patient p = m.patient();

        assertThat(p.nhsNumber()).contains(NhsNumber.parse("9000000009"));
        assertThat(p.sensitivity()).isEqualTo(SensitivityFlag.U);
        assertThat(p.names()).hasSize(2);
        assertThat(p.names().get(0)).isEqualTo(new HumanName("Smith", List.of("Jane"), Optional.of("Mrs"), Optional.of("usual")));
        assertThat(p.names().get(1).given()).containsExactly("Jane", "Marie");
        assertThat(p.gender()).isEqualTo(Gender.FEMALE);
        assertThat(p.birthDate()).contains(LocalDate.of(2010, 10, 22));
        assertThat(p.addresses()).containsExactly(new Address(List.of("1 Trevelyan Square", "Boar Lane", "City Centre", "West Yorkshire"),
                Optional.of("Leeds"), Optional.of("LS1 6AE"), Optional.of("home")));
        assertThat(p.telecom()).containsExactly(new ContactPoint("phone", "01632960587", "home"),
                new ContactPoint("email", "jane.smith@example.com", "home"));
        assertThat(p.gpPractice()).contains(new OrganisationRef("Y12345"));
        assertThat(m.resourceId()).contains("9000000009");
        assertThat(m.versionId()).contains("2");
        assertThat(m.deceased()).isTrue();
        assertThat(m.deathDate()).contains(LocalDate.of(2010, 10, 22));
        assertThat(m.nhsNumberVerificationStatus()).contains(UkCore.NHS_NUMBER_VERIFIED);

        assertThat(trail.mappings()).extracting(FieldMapping::sourcePath, FieldMapping::canonicalPath).contains(
                org.assertj.core.groups.Tuple.tuple("Patient.identifier.where(system='https://fhir.nhs.uk/Id/nhs-number').value", "patient.nhsNumber"),
                org.assertj.core.groups.Tuple.tuple("Patient.name.where(use='usual').family", "patient.names[0].family"),
                org.assertj.core.groups.Tuple.tuple("Patient.name.where(use='old').given[1]", "patient.names[1].given[1]"),
                org.assertj.core.groups.Tuple.tuple("Patient.birthDate", "patient.birthDate"),
                org.assertj.core.groups.Tuple.tuple("Patient.address[0].postalCode", "patient.addresses[0].postcode"),
                org.assertj.core.groups.Tuple.tuple("Patient.generalPractitioner.identifier.where(system='"
                        + UkCore.ODS_ORGANISATION_CODE + "').value", "patient.gpPractice.odsCode"),
                org.assertj.core.groups.Tuple.tuple("Patient.meta.security.where(code='U').code", "patient.sensitivity"),
                org.assertj.core.groups.Tuple.tuple("Patient.meta.versionId", "versionId"));
    }

    @Test
    void twoNamesWithTheSameUseAreAddressedByPosition() {
        String json = """
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9000000009"}],
                 "name":[{"use":"official","family":"A"},{"use":"official","family":"B"}]}""";
        FieldTrail trail = FieldTrail.empty();
        FhirPatients.fromJson(json, trail);
        assertThat(trail.mappings()).extracting(FieldMapping::sourcePath).contains("Patient.name[0].family", "Patient.name[1].family");
    }

    @ParameterizedTest
    @CsvSource({"U,U", "R,R", "V,V", "REDACTED,REDACTED", "N,NOT_STATED"})
    void securityLabelsMapToSensitivity(String code, SensitivityFlag expected) {
        assertThat(FhirPatients.fromJson(patientWithSecurity("\"" + code + "\""), FieldTrail.empty()).patient().sensitivity())
                .isEqualTo(expected);
    }

    @Test
    void noSecurityLabelIsNotStatedAndTheMostRestrictiveLabelWins() {
        String none = """
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9000000009"}]}""";
        assertThat(FhirPatients.fromJson(none, FieldTrail.empty()).patient().sensitivity()).isEqualTo(SensitivityFlag.NOT_STATED);
        assertThat(FhirPatients.fromJson(patientWithSecurity("\"U\"},{\"code\":\"V\""), FieldTrail.empty()).patient().sensitivity())
                .isEqualTo(SensitivityFlag.V);
    }

    @Test
    void restrictedPdsRecordIsFlaggedR() {
        MappedPatient m = FhirPatients.fromJson(Fixtures.json("pds-patient-restricted-9000000025.json"), FieldTrail.empty());
        assertThat(m.patient().sensitivity()).isEqualTo(SensitivityFlag.R);
        assertThat(m.patient().sensitivity().isRestricted()).isTrue();
        assertThat(m.patient().addresses()).isEmpty();
    }

    @Test
    void badNhsNumberIsATypedErrorWithoutTheNumber() {
        String json = """
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9000000001"}]}""";
        assertThatThrownBy(() -> FhirPatients.fromJson(json, FieldTrail.empty()))
                .isInstanceOfSatisfying(FhirException.class, e -> {
                    assertThat(e.problem()).isEqualTo(FhirException.Problem.INVALID_NHS_NUMBER);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_NHS_NUMBER);
                    assertThat(e.getMessage()).contains("Modulus 11").doesNotContain("9000000001");
                });
    }

    @Test
    void patientWithoutUsableIdentifierIsMissingField() {
        String json = """
                {"resourceType":"Patient","identifier":[{"value":"123"}],"name":[{"family":"X"}]}""";
        assertThatThrownBy(() -> FhirPatients.fromJson(json, FieldTrail.empty()))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.problem()).isEqualTo(FhirException.Problem.MISSING_FIELD));
    }

    @Test
    void birthDateWithoutDayIsInvalidValue() {
        String json = """
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9000000009"}],"birthDate":"1980-03"}""";
        assertThatThrownBy(() -> FhirPatients.fromJson(json, FieldTrail.empty()))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.problem()).isEqualTo(FhirException.Problem.INVALID_VALUE));
    }

    @Test
    void roundTripFhirToCanonicalToFhirKeepsEverythingMapped() {
        MappedPatient first = FhirPatients.fromJson(Fixtures.json("pds-patient-9000000009.json"), FieldTrail.empty());
        FieldTrail out = FieldTrail.empty();
        String json = FhirPatients.toJson(first, out);
        MappedPatient second = FhirPatients.fromJson(json, FieldTrail.empty());

        assertThat(second).isEqualTo(first);
        assertThat(json).contains("\"versionId\":\"2\"").contains(UkCore.CS_CONFIDENTIALITY)
                .contains(UkCore.EXT_NHS_NUMBER_VERIFICATION_STATUS);
        assertThat(out.mappings()).extracting(FieldMapping::canonicalPath, FieldMapping::targetPath)
                .contains(org.assertj.core.groups.Tuple.tuple("patient.nhsNumber", "Patient.identifier[0].value"),
                        org.assertj.core.groups.Tuple.tuple("patient.addresses[0].postcode", "Patient.address[0].postalCode"));
    }

    @Test
    void roundTripCanonicalToFhirToCanonical() {
        Patient canonical = new Patient(List.of(Identifier.of(NhsNumber.parse("9449305552")), Identifier.local("RXX01", "MRN42")),
                List.of(new HumanName("Patel", List.of("Amir", "K"), Optional.of("Mr"), Optional.of("official"))),
                Optional.of(LocalDate.of(1980, 3, 4)), Gender.MALE,
                List.of(new Address(List.of("2 High Street"), Optional.of("York"), Optional.of("YO1 7HU"), Optional.of("home"))),
                List.of(new ContactPoint("phone", "07700900123", "mobile")), Optional.of(new OrganisationRef("B82005")),
                SensitivityFlag.V);
        org.hl7.fhir.r4.model.Patient fhir = FhirPatients.toFhir(canonical, FieldTrail.empty());
        assertThat(fhir.getIdElement().getIdPart()).isEqualTo("9449305552");
        Patient back = FhirPatients.toCanonical(fhir, FieldTrail.empty()).patient();
        assertThat(back).isEqualTo(canonical);
    }

    @Test
    void notStatedSensitivityIsNotWrittenAsALabel() {
        Patient canonical = new Patient(List.of(Identifier.of(NhsNumber.parse("9449305552"))), List.of(), Optional.empty(),
                Gender.UNKNOWN, List.of(), List.of(), Optional.empty(), SensitivityFlag.NOT_STATED);
        org.hl7.fhir.r4.model.Patient fhir = FhirPatients.toFhir(canonical, FieldTrail.empty());
        assertThat(fhir.getMeta().getSecurity()).isEmpty();
        assertThat(FhirPatients.toCanonical(fhir, FieldTrail.empty()).patient().sensitivity()).isEqualTo(SensitivityFlag.NOT_STATED);
    }

    @Test
    void useCodesFhirDoesNotDefineAreLeftOutNotInvented() {
        Patient canonical = new Patient(List.of(Identifier.of(NhsNumber.parse("9449305552"))),
                List.of(new HumanName("X", List.of(), Optional.empty(), Optional.of("D"))), Optional.empty(), Gender.UNKNOWN,
                List.of(), List.of(), Optional.empty(), SensitivityFlag.U);
        assertThat(FhirPatients.toFhir(canonical, FieldTrail.empty()).getNameFirstRep().hasUse()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"deceasedDateTime\":\"2019\"|true|",
            "\"deceasedDateTime\":\"2019-04-02T10:00:00+01:00\"|true|2019-04-02",
            "\"deceasedBoolean\":true|true|",
            "\"deceasedBoolean\":false|false|"})
    void deathWithoutADayIsDeceasedWithoutAnInventedDate(String element, boolean deceased, String date) {
        String json = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\","
                + "\"value\":\"9000000009\"}]," + element + "}";
        MappedPatient m = FhirPatients.fromJson(json, FieldTrail.empty());
        assertThat(m.deceased()).isEqualTo(deceased);
        assertThat(m.deathDate()).isEqualTo(date == null ? Optional.empty() : Optional.of(LocalDate.parse(date)));
    }

    private static String patientWithSecurity(String codes) {
        return "{\"resourceType\":\"Patient\",\"meta\":{\"security\":[{\"system\":\"" + UkCore.CS_CONFIDENTIALITY
                + "\",\"code\":" + codes + "}]},\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9000000009\"}]}";
    }
}
