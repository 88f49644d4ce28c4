package io.holdfast.mllp.internal.codec;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.LabResult;
import io.holdfast.api.event.Observation;
import io.holdfast.api.event.ResultStatus;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ORU^R01 to one {@link LabResult} per OBR (with the OBX that follow it). Key: filler order number
 * OBR-3 (authority OBR-3.2, else the sending facility) + test code OBR-4.1; a corrected result
 * (OBR-25 = C) keeps the key and changes the digest, so it routes as an amendment. occurredAt is
 * OBR-22 (results reported / status changed), which orders corrections for stale detection.
 */
final class ResultMapper {
    private ResultMapper() {
    }

    static List<ClinicalEvent> map(ParsedMessage m, FieldTrail trail) {
        Patient patient = PatientMapper.map(m.require("PID"), m.first("PD1"), m.first("PV1"), m.sendingFacility(), trail);
        List<ClinicalEvent> results = new ArrayList<>();
        SegmentView obr = null;
        List<Observation> observations = new ArrayList<>();
        for (SegmentView s : m.segments()) {
            if (s.name().equals("OBR")) {
                if (obr != null) {
                    results.add(result(m, patient, obr, observations, trail));
                }
                obr = s;
                observations = new ArrayList<>();
            } else if (s.name().equals("OBX") && obr != null) {
                observations.add(observation(s, trail));
            }
        }
        if (obr == null) {
            throw new MappingException(MappingException.MISSING_FIELD, "ORU^R01 has no OBR segment");
        }
        results.add(result(m, patient, obr, observations, trail));
        return results;
    }

    private static LabResult result(ParsedMessage m, Patient patient, SegmentView obr, List<Observation> obs, FieldTrail trail) {
        String filler = obr.get(3, 1);
        if (filler.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, obr.path(3, 1) + " filler order number is required");
        }
        String fillerAuthority = obr.get(3, 2);
        Identifier fillerId = Identifier.local(fillerAuthority.isEmpty() ? m.sendingFacility() : fillerAuthority, filler);
        trail.inbound(obr.path(3, 1), "result.fillerOrderNumber.value", filler);
        String placer = obr.get(2, 1);
        String placerAuthority = obr.get(2, 2);
        Optional<Identifier> placerId = placer.isEmpty() ? Optional.empty()
                : Optional.of(Identifier.local(placerAuthority.isEmpty() ? m.sendingFacility() : placerAuthority, placer));
        trail.inbound(obr.path(2, 1), "result.placerOrderNumber.value", placer);
        String testCode = obr.get(4, 1);
        if (testCode.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, obr.path(4, 1) + " test code is required");
        }
        trail.inbound(obr.path(4, 1), "result.testCode", testCode);
        trail.inbound(obr.path(4, 2), "result.testName", obr.get(4, 2));
        String status = obr.get(25);
        trail.inbound(obr.path(25, 0), "result.status", status);
        Optional<Instant> observedAt = Hl7Timestamps.instant(obr.get(7), m.zone(), obr.path(7, 1));
        trail.inbound(obr.path(7, 1), "result.observedAt", obr.get(7));
        Optional<Instant> reported = Hl7Timestamps.instant(obr.get(22), m.zone(), obr.path(22, 1));
        trail.inbound(obr.path(22, 1), "event.occurredAt", obr.get(22));
        return new LabResult(patient, fillerId, placerId, testCode, obr.get(4, 3), obr.get(4, 2), obs, status(status),
                observedAt, reported);
    }

    private static Observation observation(SegmentView obx, FieldTrail trail) {
        String code = obx.get(3, 1);
        StringBuilder value = new StringBuilder();
        for (int r = 1; r <= obx.reps(5); r++) {
            if (r > 1) {
                value.append('~');
            }
            value.append(obx.encoded(5, r));
        }
        trail.inbound(obx.path(3, 1), "result.observations[" + (obx.index() - 1) + "].code", code);
        trail.inbound(obx.path(5, 0), "result.observations[" + (obx.index() - 1) + "].value", value.toString());
        trail.inbound(obx.path(6, 1), "result.observations[" + (obx.index() - 1) + "].unit", obx.get(6, 1));
        return new Observation(code, obx.get(3, 3), obx.get(3, 2), value.toString(), obx.get(2),
                PatientMapper.opt(obx.get(6, 1)), PatientMapper.opt(obx.get(7)), PatientMapper.opt(obx.get(8)), status(obx.get(11)));
    }

    /** HL7 table 0123 / 0085 result status to canonical. */
    static ResultStatus status(String hl7) {
        return switch (hl7) {
            case "C" -> ResultStatus.CORRECTED;
            case "P", "A", "R", "S" -> ResultStatus.PRELIMINARY;
            case "I", "O" -> ResultStatus.REGISTERED;
            case "X", "D" -> ResultStatus.CANCELLED;
            case "W" -> ResultStatus.ENTERED_IN_ERROR;
            default -> ResultStatus.FINAL;
        };
    }
}
