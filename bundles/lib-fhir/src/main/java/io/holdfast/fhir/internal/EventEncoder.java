package io.holdfast.fhir.internal;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.DemographicUpdate;
import io.holdfast.api.event.LabResult;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.fhir.MappedPatient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;

/** Canonical events → R4 resources: DemographicUpdate → Patient, LabResult → transaction Bundle. */
public final class EventEncoder {
    private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private EventEncoder() {
    }

    public static Optional<Resource> encode(ClinicalEvent event, FieldTrail trail) {
        if (event instanceof DemographicUpdate u) {
            return Optional.of(PatientEncoder.encode(MappedPatient.of(u.patient()), trail));
        }
        if (event instanceof LabResult r) {
            return Optional.of(labResult(r, trail));
        }
        return Optional.empty();
    }

    private static Bundle labResult(LabResult r, FieldTrail trail) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        String key = r.key().token();
        String patientUrl = urn(key, "patient");
        org.hl7.fhir.r4.model.Patient patient = PatientEncoder.encode(MappedPatient.of(r.patient()), trail);
        io.holdfast.api.model.Identifier pid = r.patient().primaryIdentifier();
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient").setIfNoneExist("identifier=" + pid.token());
        DiagnosticReport report = new DiagnosticReport();
        report.addIdentifier(identifier(r.fillerOrderNumber(), "FILL"));
        trail.outbound("result.fillerOrderNumber", "DiagnosticReport.identifier[0].value", r.fillerOrderNumber().value());
        r.placerOrderNumber().ifPresent(p -> {
            report.addIdentifier(identifier(p, "PLAC"));
            trail.outbound("result.placerOrderNumber", "DiagnosticReport.identifier[1].value", p.value());
        });
        report.setStatus(ObservationMapping.reportStatus(r.status()));
        report.getCode().addCoding(new Coding(r.testCodeSystem().isEmpty() ? null : r.testCodeSystem(), r.testCode(),
                r.testName().isEmpty() ? null : r.testName()));
        trail.outbound("result.testCode", "DiagnosticReport.code.coding[0].code", r.testCode());
        report.setSubject(new Reference(patientUrl));
        r.observedAt().ifPresent(t -> report.setEffective(dateTime(t)));
        r.occurredAt().ifPresent(t -> report.setIssued(Date.from(t)));
        for (int i = 0; i < r.observations().size(); i++) {
            Observation o = ObservationMapping.encode(r.observations().get(i), "result.observations[" + i + "]", trail);
            o.setSubject(new Reference(patientUrl));
            o.addIdentifier(identifier(r.fillerOrderNumber(), "FILL"));
            String url = urn(key, "observation-" + i);
            bundle.addEntry().setFullUrl(url).setResource(o).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
            report.addResult(new Reference(url));
        }
        bundle.addEntry().setFullUrl(urn(key, "report")).setResource(report).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("DiagnosticReport")
                .setIfNoneExist("identifier=" + r.fillerOrderNumber().token());
        return bundle;
    }

    private static Identifier identifier(io.holdfast.api.model.Identifier id, String type) {
        return new Identifier().setSystem(id.system()).setValue(id.value())
                .setType(new CodeableConcept(new Coding(V2_0203, type, null)));
    }

    /** Stable per event key and part, so a retried delivery carries the same full URLs. */
    private static String urn(String key, String part) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((key + "#" + part).getBytes(StandardCharsets.UTF_8));
    }

    private static DateTimeType dateTime(Instant t) {
        TemporalPrecisionEnum precision = t.getNano() == 0 ? TemporalPrecisionEnum.SECOND : TemporalPrecisionEnum.MILLI;
        return new DateTimeType(Date.from(t), precision, TimeZone.getTimeZone("UTC"));
    }
}
