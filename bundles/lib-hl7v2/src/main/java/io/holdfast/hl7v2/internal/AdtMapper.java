package io.holdfast.hl7v2.internal;

import io.holdfast.api.event.Admission;
import io.holdfast.api.event.Cancellation;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.DemographicUpdate;
import io.holdfast.api.event.Discharge;
import io.holdfast.api.event.EventKey;
import io.holdfast.api.event.PatientMerge;
import io.holdfast.api.event.PreAdmission;
import io.holdfast.api.event.Registration;
import io.holdfast.api.event.Transfer;
import io.holdfast.api.event.Visit;
import io.holdfast.api.event.VisitEvent;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** ADT trigger events to canonical events. The key and digest rules are in the module README. */
final class AdtMapper {
    static final Set<String> TRIGGERS = Set.of("A01", "A02", "A03", "A04", "A05", "A08", "A11", "A12", "A13", "A28", "A31", "A40");

    private AdtMapper() {
    }

    static boolean handles(String trigger) {
        return TRIGGERS.contains(trigger);
    }

    static ClinicalEvent map(ParsedMessage m, String trigger, FieldTrail trail) {
        SegmentView pid = m.require("PID");
        Patient patient = PatientMapper.map(pid, m.first("PD1"), m.first("PV1"), m.sendingFacility(), trail);
        Optional<Instant> occurredAt = occurredAt(m, trail);
        return switch (trigger) {
            case "A01" -> new Admission(patient, VisitMapper.map(m, trail), pv1Time(m, 44, "admission.admittedAt", trail), occurredAt);
            case "A02" -> transfer(m, patient, occurredAt, trail);
            case "A03" -> new Discharge(patient, VisitMapper.map(m, trail), pv1Time(m, 45, "discharge.dischargedAt", trail), occurredAt);
            case "A04" -> new Registration(patient, optionalVisit(m, trail), occurredAt);
            case "A05" -> new PreAdmission(patient, VisitMapper.map(m, trail), expectedAdmit(m, trail), occurredAt);
            case "A08" -> new DemographicUpdate(patient, optionalVisit(m, trail), occurredAt);
            case "A28" -> new Registration(patient, Optional.empty(), occurredAt);
            case "A31" -> new DemographicUpdate(patient, Optional.empty(), occurredAt);
            case "A11", "A12", "A13" -> cancellation(m, trigger, patient, occurredAt, trail);
            case "A40" -> merge(m, patient, occurredAt, trail);
            default -> throw new IllegalArgumentException("not an ADT trigger this mapper handles: " + trigger);
        };
    }

    /** EVN-2 recorded date/time: orders amendments of one key (stale detection); excluded from the digest. */
    private static Optional<Instant> occurredAt(ParsedMessage m, FieldTrail trail) {
        return m.first("EVN").flatMap(evn -> {
            Optional<Instant> t = Hl7Timestamps.instant(evn.get(2), m.zone(), "EVN-2");
            trail.inbound("EVN-2.1", "event.occurredAt", evn.get(2));
            return t;
        });
    }

    private static Optional<Instant> pv1Time(ParsedMessage m, int field, String canonical, FieldTrail trail) {
        SegmentView pv1 = m.require("PV1");
        String v = pv1.get(field);
        trail.inbound(pv1.path(field, 1), canonical, v);
        return Hl7Timestamps.instant(v, m.zone(), pv1.path(field, 1));
    }

    private static Optional<Instant> expectedAdmit(ParsedMessage m, FieldTrail trail) {
        return m.first("PV2").flatMap(pv2 -> {
            trail.inbound(pv2.path(8, 1), "preAdmission.expectedAdmitAt", pv2.get(8));
            return Hl7Timestamps.instant(pv2.get(8), m.zone(), pv2.path(8, 1));
        });
    }

    private static Optional<Visit> optionalVisit(ParsedMessage m, FieldTrail trail) {
        return VisitMapper.hasVisit(m) ? Optional.of(VisitMapper.map(m, trail)) : Optional.empty();
    }

    /** The transfer time is EVN-6 (event occurred), else EVN-2: it is part of the transfer's key. */
    private static Instant transferTime(ParsedMessage m, FieldTrail trail) {
        SegmentView evn = m.require("EVN");
        String path = "EVN-6.1";
        String v = evn.get(6);
        if (v.isEmpty()) {
            v = evn.get(2);
            path = "EVN-2.1";
        }
        trail.inbound(path, "transfer.transferredAt", v);
        return Hl7Timestamps.instant(v, m.zone(), path)
                .orElseThrow(() -> new MappingException(MappingException.MISSING_FIELD, "EVN-6 or EVN-2 is required for a transfer"));
    }

    private static Transfer transfer(ParsedMessage m, Patient patient, Optional<Instant> occurredAt, FieldTrail trail) {
        Visit visit = VisitMapper.map(m, trail);
        SegmentView pv1 = m.require("PV1");
        String from = VisitMapper.location(pv1, 6);
        trail.inbound(pv1.path(6, 1), "transfer.fromLocation", from);
        return new Transfer(patient, visit, PatientMapper.opt(from), transferTime(m, trail), occurredAt);
    }

    /**
     * A11 cancels the admission (or, for outpatient/emergency patient classes O and E, the
     * registration) of the PV1-19 visit; A12 the transfer of that visit at EVN-6 (else EVN-2);
     * A13 the discharge. The reason is EVN-4.
     */
    private static Cancellation cancellation(ParsedMessage m, String trigger, Patient patient, Optional<Instant> occurredAt,
                                             FieldTrail trail) {
        Visit visit = VisitMapper.map(m, trail);
        EventKey cancelled = switch (trigger) {
            case "A11" -> VisitEvent.visitKey(isOutpatient(visit) ? Registration.TYPE : Admission.TYPE, visit, patient);
            case "A12" -> new Transfer(patient, visit, Optional.empty(), transferTime(m, trail), Optional.empty()).key();
            default -> VisitEvent.visitKey(Discharge.TYPE, visit, patient);
        };
        String reason = m.first("EVN").map(evn -> evn.get(4)).orElse("");
        trail.inbound("EVN-4.1", "cancellation.reason", reason);
        return new Cancellation(cancelled, patient, PatientMapper.opt(reason), occurredAt);
    }

    private static boolean isOutpatient(Visit visit) {
        return visit.patientClass().map(c -> c.equals("O") || c.equals("E")).orElse(false);
    }

    /** A40: PID is the surviving patient, MRG-1 the retired identifier (NHS number if present, else the first MRN). */
    private static PatientMerge merge(ParsedMessage m, Patient surviving, Optional<Instant> occurredAt, FieldTrail trail) {
        SegmentView mrg = m.require("MRG");
        List<Identifier> retired = new ArrayList<>();
        PatientMapper.collect(mrg, 1, m.sendingFacility(), retired, trail);
        if (retired.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, "MRG-1 holds no prior patient identifier");
        }
        Identifier r = retired.stream().filter(Identifier::isNhsNumber).findFirst().orElse(retired.get(0));
        return new PatientMerge(surviving, r, occurredAt);
    }
}
