package io.holdfast.fhir.internal;

import io.holdfast.api.error.InvalidNhsNumberException;
import io.holdfast.api.event.LabResult;
import io.holdfast.api.event.ResultStatus;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.fhir.FhirException;
import io.holdfast.fhir.UkCore;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DiagnosticReport (with its Observations) or a lone Observation → {@link LabResult}. The filler order
 * number is the identifier typed {@code FILL} (v2-0203), else the first identifier not typed {@code PLAC};
 * the placer order number the one typed {@code PLAC}.
 */
final class LabResultDecoder {
    private LabResultDecoder() {
    }

    static LabResult fromReport(DiagnosticReport r, Resolver resolver, FieldTrail trail) {
        Patient patient = subject(r, r.getSubject(), resolver, "DiagnosticReport", trail);
        List<org.hl7.fhir.r4.model.Identifier> ids = r.getIdentifier();
        Identifier filler = filler(ids, "DiagnosticReport", trail);
        Optional<Identifier> placer = typed(ids, "PLAC").map(i -> new Identifier(i.getSystem(), i.getValue()));
        placer.ifPresent(p -> trail.inbound("DiagnosticReport.identifier.where(type.coding.code='PLAC').value",
                "result.placerOrderNumber", p.value()));
        Coding code = code(r.getCode(), "DiagnosticReport.code", trail);
        List<io.holdfast.api.event.Observation> observations = new ArrayList<>();
        for (int i = 0; i < r.getResult().size(); i++) {
            Reference ref = r.getResult().get(i);
            int index = i;
            Observation o = resolver.resolve(r, ref, Observation.class).orElseThrow(() -> new FhirException(
                    FhirException.Problem.MISSING_FIELD, "DiagnosticReport.result[" + index + "] does not resolve to an "
                    + "Observation in the message (contained or Bundle entry)"));
            observations.add(ObservationMapping.decode(o, "DiagnosticReport.result[" + i + "].resolve()",
                    "result.observations[" + i + "]", trail));
        }
        ResultStatus status = ObservationMapping.reportStatus(r.getStatus(), "DiagnosticReport.status");
        trail.inbound("DiagnosticReport.status", "result.status", status.name());
        return new LabResult(patient, filler, placer, code.getCode(), code.getSystem(), display(r.getCode(), code),
                observations, status, effective(r.hasEffectiveDateTimeType() ? r.getEffectiveDateTimeType() : null),
                Optional.ofNullable(r.getIssued()).map(java.util.Date::toInstant));
    }

    static LabResult fromObservation(Observation o, Resolver resolver, FieldTrail trail) {
        Patient patient = subject(o, o.getSubject(), resolver, "Observation", trail);
        Identifier filler = filler(o.getIdentifier(), "Observation", trail);
        Coding code = code(o.getCode(), "Observation.code", trail);
        io.holdfast.api.event.Observation obs = ObservationMapping.decode(o, "Observation", "result.observations[0]", trail);
        return new LabResult(patient, filler, Optional.empty(), code.getCode(), code.getSystem(), display(o.getCode(), code),
                List.of(obs), obs.status(), effective(o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType() : null),
                Optional.ofNullable(o.getIssued()).map(java.util.Date::toInstant));
    }

    private static Patient subject(DomainResource from, Reference ref, Resolver resolver, String type, FieldTrail trail) {
        Optional<org.hl7.fhir.r4.model.Patient> resolved = resolver.resolve(from, ref, org.hl7.fhir.r4.model.Patient.class);
        if (resolved.isPresent()) {
            return PatientDecoder.decode(resolved.get(), trail).patient();
        }
        if (ref.hasIdentifier() && ref.getIdentifier().hasSystem() && ref.getIdentifier().hasValue()) {
            org.hl7.fhir.r4.model.Identifier id = ref.getIdentifier();
            if (UkCore.NHS_NUMBER.equals(id.getSystem())) {
                try {
                    NhsNumber nhs = NhsNumber.parse(id.getValue());
                    trail.inbound(type + ".subject.identifier.value", "patient.nhsNumber", nhs.value());
                    return Patient.identifiedBy(Identifier.of(nhs));
                } catch (InvalidNhsNumberException e) {
                    throw new FhirException(FhirException.Problem.INVALID_NHS_NUMBER, type + ".subject.identifier: " + e.getMessage());
                }
            }
            trail.inbound(type + ".subject.identifier.value", "patient.identifiers[0].value", id.getValue());
            return Patient.identifiedBy(new Identifier(id.getSystem(), id.getValue()));
        }
        throw new FhirException(FhirException.Problem.MISSING_FIELD, type + ".subject resolves to no Patient in the message "
                + "and carries no identifier");
    }

    private static Identifier filler(List<org.hl7.fhir.r4.model.Identifier> ids, String type, FieldTrail trail) {
        Optional<org.hl7.fhir.r4.model.Identifier> filler = typed(ids, "FILL")
                .or(() -> ids.stream().filter(i -> i.hasSystem() && i.hasValue() && !isType(i, "PLAC")).findFirst());
        org.hl7.fhir.r4.model.Identifier id = filler.filter(i -> i.hasSystem() && i.hasValue()).orElseThrow(() ->
                new FhirException(FhirException.Problem.MISSING_FIELD, type + ".identifier holds no filler order number "
                        + "with system and value"));
        trail.inbound(type + ".identifier.where(system='" + id.getSystem() + "').value", "result.fillerOrderNumber", id.getValue());
        return new Identifier(id.getSystem(), id.getValue());
    }

    private static Optional<org.hl7.fhir.r4.model.Identifier> typed(List<org.hl7.fhir.r4.model.Identifier> ids, String code) {
        return ids.stream().filter(i -> isType(i, code) && i.hasSystem() && i.hasValue()).findFirst();
    }

    private static boolean isType(org.hl7.fhir.r4.model.Identifier id, String code) {
        return id.hasType() && id.getType().getCoding().stream().anyMatch(c -> code.equals(c.getCode()));
    }

    private static Coding code(CodeableConcept cc, String path, FieldTrail trail) {
        Coding c = cc.getCoding().stream().filter(Coding::hasCode).findFirst().orElseThrow(() ->
                new FhirException(FhirException.Problem.MISSING_FIELD, path + " has no coding with a code"));
        trail.inbound(path + ".coding[0].code", "result.testCode", c.getCode());
        return c;
    }

    private static String display(CodeableConcept cc, Coding c) {
        return c.hasDisplay() ? c.getDisplay() : cc.hasText() ? cc.getText() : "";
    }

    private static Optional<Instant> effective(org.hl7.fhir.r4.model.DateTimeType when) {
        return when == null || when.getValue() == null ? Optional.empty() : Optional.of(when.getValue().toInstant());
    }
}
