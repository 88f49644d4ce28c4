package io.holdfast.fhir.internal;

import io.holdfast.api.event.ResultStatus;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.fhir.FhirException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * R4 Observation ⇄ canonical {@link io.holdfast.api.event.Observation}. Value types follow the HL7 v2 OBX-2
 * names the canonical model uses: {@code valueQuantity} ⇄ {@code NM} (with unit), {@code valueCodeableConcept}
 * ⇄ {@code CE} (the code), {@code valueString} ⇄ {@code ST} (and any other type on the way out).
 */
final class ObservationMapping {
    private ObservationMapping() {
    }

    static io.holdfast.api.event.Observation decode(Observation o, String path, String target, FieldTrail trail) {
        Coding code = o.getCode().getCoding().stream().filter(Coding::hasCode).findFirst().orElseThrow(() ->
                new FhirException(FhirException.Problem.MISSING_FIELD, path + ".code has no coding with a code"));
        String value;
        String type;
        Optional<String> unit = Optional.empty();
        if (o.hasValueQuantity()) {
            Quantity q = o.getValueQuantity();
            value = q.hasValue() ? q.getValue().toPlainString() : "";
            type = "NM";
            unit = Optional.ofNullable(q.hasCode() ? q.getCode() : q.getUnit()).filter(u -> !u.isBlank());
            trail.inbound(path + ".valueQuantity.value", target + ".value", value);
        } else if (o.hasValueCodeableConcept()) {
            value = o.getValueCodeableConcept().getCodingFirstRep().getCode();
            type = "CE";
            trail.inbound(path + ".valueCodeableConcept.coding[0].code", target + ".value", value);
        } else if (o.hasValueStringType()) {
            value = o.getValueStringType().getValue();
            type = "ST";
            trail.inbound(path + ".valueString", target + ".value", value);
        } else {
            value = "";
            type = "";
        }
        trail.inbound(path + ".code.coding[0].code", target + ".code", code.getCode());
        Optional<String> range = o.getReferenceRange().stream().findFirst().map(ObservationMapping::rangeText).filter(s -> !s.isBlank());
        Optional<String> flag = o.getInterpretation().stream().flatMap(cc -> cc.getCoding().stream())
                .map(Coding::getCode).filter(c -> c != null && !c.isBlank()).findFirst();
        return new io.holdfast.api.event.Observation(code.getCode(), code.getSystem(), code.getDisplay(), value, type,
                unit, range, flag, status(o.getStatus(), path + ".status"));
    }

    static Observation encode(io.holdfast.api.event.Observation obs, String target, FieldTrail trail) {
        Observation o = new Observation();
        o.setStatus(switch (obs.status()) {
            case REGISTERED -> ObservationStatus.REGISTERED;
            case PRELIMINARY -> ObservationStatus.PRELIMINARY;
            case FINAL -> ObservationStatus.FINAL;
            case CORRECTED -> ObservationStatus.CORRECTED;
            case CANCELLED -> ObservationStatus.CANCELLED;
            case ENTERED_IN_ERROR -> ObservationStatus.ENTEREDINERROR;
        });
        o.getCode().addCoding(new Coding(emptyToNull(obs.codeSystem()), obs.code(), emptyToNull(obs.display())));
        if ("NM".equals(obs.valueType()) && isDecimal(obs.value())) {
            Quantity q = new Quantity().setValue(new BigDecimal(obs.value()));
            obs.unit().ifPresent(u -> q.setUnit(u).setSystem("http://unitsofmeasure.org").setCode(u));
            o.setValue(q);
            trail.outbound(target + ".value", "Observation.valueQuantity.value", obs.value());
        } else if ("CE".equals(obs.valueType()) && !obs.value().isBlank()) {
            o.setValue(new CodeableConcept(new Coding(null, obs.value(), null)));
            trail.outbound(target + ".value", "Observation.valueCodeableConcept.coding[0].code", obs.value());
        } else if (!obs.value().isBlank()) {
            o.setValue(new StringType(obs.value()));
            trail.outbound(target + ".value", "Observation.valueString", obs.value());
        }
        obs.referenceRange().ifPresent(r -> o.addReferenceRange().setText(r));
        obs.abnormalFlag().ifPresent(f -> o.addInterpretation(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", f, null))));
        trail.outbound(target + ".code", "Observation.code.coding[0].code", obs.code());
        return o;
    }

    static ResultStatus status(ObservationStatus s, String path) {
        if (s == null) {
            throw new FhirException(FhirException.Problem.MISSING_FIELD, path + " is required");
        }
        return switch (s) {
            case REGISTERED -> ResultStatus.REGISTERED;
            case PRELIMINARY -> ResultStatus.PRELIMINARY;
            case FINAL -> ResultStatus.FINAL;
            case AMENDED, CORRECTED -> ResultStatus.CORRECTED;
            case CANCELLED -> ResultStatus.CANCELLED;
            case ENTEREDINERROR -> ResultStatus.ENTERED_IN_ERROR;
            default -> throw new FhirException(FhirException.Problem.INVALID_VALUE, path + " has a status with no canonical equivalent");
        };
    }

    static ResultStatus reportStatus(DiagnosticReportStatus s, String path) {
        if (s == null) {
            throw new FhirException(FhirException.Problem.MISSING_FIELD, path + " is required");
        }
        return switch (s) {
            case REGISTERED -> ResultStatus.REGISTERED;
            case PARTIAL, PRELIMINARY -> ResultStatus.PRELIMINARY;
            case FINAL -> ResultStatus.FINAL;
            case AMENDED, CORRECTED, APPENDED -> ResultStatus.CORRECTED;
            case CANCELLED -> ResultStatus.CANCELLED;
            case ENTEREDINERROR -> ResultStatus.ENTERED_IN_ERROR;
            default -> throw new FhirException(FhirException.Problem.INVALID_VALUE, path + " has a status with no canonical equivalent");
        };
    }

    static DiagnosticReportStatus reportStatus(ResultStatus s) {
        return switch (s) {
            case REGISTERED -> DiagnosticReportStatus.REGISTERED;
            case PRELIMINARY -> DiagnosticReportStatus.PRELIMINARY;
            case FINAL -> DiagnosticReportStatus.FINAL;
            case CORRECTED -> DiagnosticReportStatus.CORRECTED;
            case CANCELLED -> DiagnosticReportStatus.CANCELLED;
            case ENTERED_IN_ERROR -> DiagnosticReportStatus.ENTEREDINERROR;
        };
    }

    private static String rangeText(Observation.ObservationReferenceRangeComponent r) {
        if (r.hasText()) {
            return r.getText();
        }
        String low = r.hasLow() && r.getLow().hasValue() ? r.getLow().getValue().toPlainString() : "";
        String high = r.hasHigh() && r.getHigh().hasValue() ? r.getHigh().getValue().toPlainString() : "";
        return low.isEmpty() && high.isEmpty() ? "" : low + "-" + high;
    }

    private static boolean isDecimal(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
