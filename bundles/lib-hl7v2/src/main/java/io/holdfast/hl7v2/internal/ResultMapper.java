package io.holdfast.hl7v2.internal;

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
import java.util.Set;

/**
 * ORU results to one {@link LabResult} per OBR (with the OBX that follow it). Key: filler order
 * number OBR-3 (ORC-3 when OBR-3 is empty; authority EI-2, else the sending facility) + test code
 * OBR-4.1; a corrected result (OBR-25 = C) keeps the key and changes the digest, so it routes as an
 * amendment. occurredAt is OBR-22 (results reported / status changed), which orders corrections
 * for stale detection.
 *
 * <p>Variants: ORU^R01 with several patients (each PID starts a patient's results, so a batch from a
 * laboratory never files one patient's results under another) and the point-of-care triggers
 * R30 (unsolicited, no existing order), R31 (new order) and R32 (existing order), which carry ORC +
 * OBR + OBX for one patient like an R01.
 */
final class ResultMapper {
    static final Set<String> TRIGGERS = Set.of("R01", "R30", "R31", "R32");

    private ResultMapper() {
    }

    static boolean handles(String trigger) {
        return TRIGGERS.contains(trigger);
    }

    static List<ClinicalEvent> map(ParsedMessage m, FieldTrail trail) {
        m.require("PID");
        List<ClinicalEvent> results = new ArrayList<>();
        for (List<SegmentView> block : m.blocksStartingWith("PID")) {
            Patient patient = PatientMapper.map(block.get(0), ParsedMessage.first(block, "PD1"), ParsedMessage.first(block, "PV1"),
                    m.sendingFacility(), trail);
            results.addAll(resultsOf(m, patient, block, trail));
        }
        if (results.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, m.messageType() + " has no OBR segment");
        }
        return results;
    }

    /** One patient's OBR groups; an ORC belongs to the OBR right after it. */
    private static List<LabResult> resultsOf(ParsedMessage m, Patient patient, List<SegmentView> block, FieldTrail trail) {
        List<LabResult> out = new ArrayList<>();
        Optional<SegmentView> orc = Optional.empty();
        Optional<SegmentView> pendingOrc = Optional.empty();
        SegmentView obr = null;
        List<Observation> observations = new ArrayList<>();
        for (SegmentView s : block) {
            switch (s.name()) {
                case "ORC" -> pendingOrc = Optional.of(s);
                case "OBR" -> {
                    if (obr != null) {
                        out.add(result(m, patient, orc, obr, observations, trail));
                    }
                    obr = s;
                    orc = pendingOrc;
                    pendingOrc = Optional.empty();
                    observations = new ArrayList<>();
                }
                case "OBX" -> {
                    if (obr != null) {
                        observations.add(observation(s, trail));
                    }
                }
                default -> {
                }
            }
        }
        if (obr != null) {
            out.add(result(m, patient, orc, obr, observations, trail));
        }
        return out;
    }

    private static LabResult result(ParsedMessage m, Patient patient, Optional<SegmentView> orc, SegmentView obr,
                                    List<Observation> obs, FieldTrail trail) {
        Identifier fillerId = orderNumber(m, obr, orc, 3, "result.fillerOrderNumber", trail)
                .orElseThrow(() -> new MappingException(MappingException.MISSING_FIELD,
                        obr.path(3, 1) + " (or ORC-3) filler order number is required"));
        Optional<Identifier> placerId = orderNumber(m, obr, orc, 2, "result.placerOrderNumber", trail);
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

    /** OBR-2/OBR-3 (EI), else the same field of the group's ORC; authority EI-2, else the sending facility. */
    private static Optional<Identifier> orderNumber(ParsedMessage m, SegmentView obr, Optional<SegmentView> orc, int field,
                                                    String canonical, FieldTrail trail) {
        SegmentView seg = obr.get(field, 1).isEmpty() && orc.isPresent() ? orc.get() : obr;
        String value = seg.get(field, 1);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String authority = seg.get(field, 2);
        trail.inbound(seg.path(field, 1), canonical + ".value", value);
        return Optional.of(Identifier.local(authority.isEmpty() ? m.sendingFacility() : authority, value));
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
