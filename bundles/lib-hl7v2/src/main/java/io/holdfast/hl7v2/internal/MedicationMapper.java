package io.holdfast.hl7v2.internal;

import io.holdfast.api.event.OrderedMedication;
import io.holdfast.api.message.FieldTrail;
import java.util.List;
import java.util.Optional;

/**
 * The medication of a pharmacy order: RXE (RDE^O11 encoded order) or RXO (ORM^O01 pharmacy order),
 * route from RXR-1, repeat pattern from TQ1-3 (v2.5), else ORC-7.2 / RXE-1.2 (the v2.3/2.4 TQ).
 */
final class MedicationMapper {
    private MedicationMapper() {
    }

    /** Field numbers of the same items in RXE and RXO. */
    private record Layout(int code, int dose, int doseUnit, int doseForm, int instructions, int dispense, int dispenseUnit) {
    }

    private static final Layout RXE = new Layout(2, 3, 5, 6, 7, 10, 11);
    private static final Layout RXO = new Layout(1, 2, 4, 5, 7, 11, 12);

    static boolean isMedication(SegmentView s) {
        return s.name().equals("RXE") || s.name().equals("RXO");
    }

    static OrderedMedication map(SegmentView rx, SegmentView orc, List<SegmentView> group, FieldTrail trail) {
        Layout l = rx.name().equals("RXE") ? RXE : RXO;
        String code = rx.get(l.code(), 1);
        if (code.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, rx.path(l.code(), 1) + " medication code is required");
        }
        trail.inbound(rx.path(l.code(), 1), "order.medication.code", code);
        trail.inbound(rx.path(l.code(), 2), "order.medication.display", rx.get(l.code(), 2));
        // RDE^O11 may carry the original RXO with its own RXR and TQ1 before the RXE: the RXE's own come after it.
        Optional<String> route = ParsedMessage.firstAfter(group, rx, "RXR").map(rxr -> record(rxr, 1, 1, "order.medication.route", trail));
        String instructions = rx.get(l.instructions(), 2).isEmpty() ? rx.get(l.instructions(), 1) : rx.get(l.instructions(), 2);
        trail.inbound(rx.path(l.instructions(), 0), "order.medication.instructions", instructions);
        return new OrderedMedication(code, rx.get(l.code(), 3), rx.get(l.code(), 2),
                opt(record(rx, l.dose(), 1, "order.medication.dose", trail)),
                opt(record(rx, l.doseUnit(), 1, "order.medication.doseUnit", trail)),
                opt(record(rx, l.doseForm(), 1, "order.medication.doseForm", trail)),
                route.flatMap(MedicationMapper::opt), frequency(rx, orc, group, trail),
                opt(record(rx, l.dispense(), 1, "order.medication.dispenseQuantity", trail)),
                opt(record(rx, l.dispenseUnit(), 1, "order.medication.dispenseUnit", trail)), opt(instructions));
    }

    /** TQ1-3.1 repeat pattern (v2.5), else the TQ interval ORC-7.2.1, else RXE-1.2.1 (v2.3/2.4). */
    private static Optional<String> frequency(SegmentView rx, SegmentView orc, List<SegmentView> group, FieldTrail trail) {
        Optional<SegmentView> tq1 = ParsedMessage.firstAfter(group, rx, "TQ1").filter(t -> !t.get(3, 1).isEmpty());
        if (tq1.isPresent()) {
            return opt(record(tq1.get(), 3, 1, "order.medication.frequency", trail));
        }
        SegmentView tq = orc.get(7, 1, 2, 1).isEmpty() && rx.name().equals("RXE") ? rx : orc;
        int field = tq == orc ? 7 : 1;
        String v = tq.get(field, 1, 2, 1);
        trail.inbound(tq.path(field, 2), "order.medication.frequency", v);
        return opt(v);
    }

    private static String record(SegmentView seg, int field, int comp, String canonical, FieldTrail trail) {
        String v = seg.get(field, comp);
        trail.inbound(seg.path(field, comp), canonical, v);
        return v;
    }

    private static Optional<String> opt(String s) {
        return PatientMapper.opt(s);
    }
}
