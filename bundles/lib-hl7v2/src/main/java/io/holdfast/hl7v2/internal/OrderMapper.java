package io.holdfast.hl7v2.internal;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.Order;
import io.holdfast.api.event.OrderCategory;
import io.holdfast.api.event.OrderStatus;
import io.holdfast.api.event.OrderedMedication;
import io.holdfast.api.event.Visit;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ORM^O01 and OML^O21 (pathology, imaging, ORM pharmacy with RXO) and RDE^O11 (pharmacy encoded
 * order, RXE) to one {@link Order} per ORC group. The rules (key, namespaces, ORC-1 → status, field
 * sources) are in the module README.
 */
final class OrderMapper {
    private static final Set<String> TYPES = Set.of("ORM^O01", "OML^O21", "RDE^O11");
    /** HL7 table 0074 diagnostic service sections that are imaging. */
    private static final Set<String> IMAGING = Set.of("RAD", "RX", "RUS", "CT", "NMR", "NMS", "CUS", "OUS", "VUS", "XRC");
    /** HL7 table 0074 diagnostic service sections that are pathology. */
    private static final Set<String> LABORATORY = Set.of("LAB", "CH", "HM", "MB", "MCB", "MYC", "BLB", "BG", "IMM", "SR", "SP",
            "CP", "TX", "VR", "OSL");

    private OrderMapper() {
    }

    static boolean handles(String code, String trigger) {
        return TYPES.contains(code + "^" + trigger);
    }

    static List<ClinicalEvent> map(ParsedMessage m, FieldTrail trail) {
        SegmentView pid = m.require("PID");
        Patient patient = PatientMapper.map(pid, m.first("PD1"), m.first("PV1"), m.sendingFacility(), trail);
        Optional<Visit> visit = VisitMapper.hasVisit(m) ? Optional.of(VisitMapper.map(m, trail)) : Optional.empty();
        List<List<SegmentView>> groups = m.blocksStartingWith("ORC");
        if (groups.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, m.messageType() + " has no ORC segment");
        }
        List<ClinicalEvent> orders = new ArrayList<>(groups.size());
        for (List<SegmentView> group : groups) {
            orders.add(order(m, patient, visit, group, trail));
        }
        return orders;
    }

    private static Order order(ParsedMessage m, Patient patient, Optional<Visit> visit, List<SegmentView> group, FieldTrail trail) {
        SegmentView orc = group.get(0);
        String control = orc.get(1);
        if (control.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, orc.path(1, 0) + " order control is required");
        }
        trail.inbound(orc.path(1, 0), "order.status", control);
        trail.inbound(orc.path(5, 0), "order.status", orc.get(5));
        OrderStatus status = OrderControls.status(control, orc.get(5), orc);
        Optional<SegmentView> obr = ParsedMessage.first(group, "OBR");
        Optional<SegmentView> rx = ParsedMessage.first(group, "RXE").or(() -> ParsedMessage.first(group, "RXO"));
        boolean fromPlacer = OrderControls.fromPlacer(control);
        Optional<Identifier> placer = orderNumber(m, orc, obr, 2, fromPlacer ? 3 : 5, "order.placerOrderNumber", trail);
        Optional<Identifier> filler = orderNumber(m, orc, obr, 3, fromPlacer ? 5 : 3, "order.fillerOrderNumber", trail);
        if (placer.isEmpty() && filler.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, orc.path(2, 1) + " placer and " + orc.path(3, 1)
                    + " filler order numbers are both empty (and OBR-2/OBR-3): an order needs one of them");
        }
        Optional<OrderedMedication> medication = rx.map(r -> MedicationMapper.map(r, orc, group, trail));
        SegmentView service = obr.or(() -> rx).orElseThrow(() -> new MappingException(MappingException.MISSING_FIELD,
                orc.path(1, 0) + " order group has no OBR, RXO or RXE segment"));
        int serviceField = service.name().equals("OBR") ? 4 : service.name().equals("RXE") ? 2 : 1;
        String code = service.get(serviceField, 1);
        if (code.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, service.path(serviceField, 1) + " ordered service code is required");
        }
        trail.inbound(service.path(serviceField, 1), "order.serviceCode", code);
        trail.inbound(service.path(serviceField, 2), "order.serviceName", service.get(serviceField, 2));
        return new Order(patient, placer, filler, category(m, obr, rx, trail), status, code, service.get(serviceField, 3),
                service.get(serviceField, 2), medication, priority(orc, obr, group, trail), requestedAt(m, orc, obr, group, trail),
                orderer(orc, obr, trail), visit, obr.flatMap(o -> text(o, 13, 1, "order.clinicalInfo", trail)),
                statusReason(orc, trail), timestamp(m, orc, 9, 1, "event.occurredAt", trail));
    }

    /**
     * ORC-2/ORC-3 (EI), else OBR-2/OBR-3. Namespace: EI-2, else EI-3, else the application in MSH-3
     * or MSH-5 ({@code mshField}): the sender for numbers it assigned, the receiver for the other side's.
     */
    private static Optional<Identifier> orderNumber(ParsedMessage m, SegmentView orc, Optional<SegmentView> obr, int field,
                                                    int mshField, String canonical, FieldTrail trail) {
        SegmentView seg = orc.get(field, 1).isEmpty() && obr.isPresent() ? obr.get() : orc;
        String value = seg.get(field, 1);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String namespace = seg.get(field, 2);
        String namespacePath = seg.path(field, 2);
        if (namespace.isEmpty()) {
            namespace = seg.get(field, 3);
            namespacePath = seg.path(field, 3);
        }
        if (namespace.isEmpty()) {
            namespace = m.msh().get(mshField, 1);
            namespacePath = "MSH-" + mshField + ".1";
        }
        if (namespace.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, seg.path(field, 2) + " names no namespace and "
                    + namespacePath + " no application: the order number cannot be qualified");
        }
        trail.inbound(seg.path(field, 1), canonical + ".value", value);
        trail.inbound(namespacePath, canonical + ".system", namespace);
        return Optional.of(Identifier.local(namespace, value));
    }

    private static OrderCategory category(ParsedMessage m, Optional<SegmentView> obr, Optional<SegmentView> rx, FieldTrail trail) {
        if (rx.isPresent()) {
            return OrderCategory.PHARMACY;
        }
        if (m.messageType().startsWith("OML")) {
            return OrderCategory.LABORATORY;
        }
        String section = obr.map(o -> o.get(24)).orElse("");
        obr.ifPresent(o -> trail.inbound(o.path(24, 0), "order.category", section));
        return IMAGING.contains(section) ? OrderCategory.IMAGING
                : LABORATORY.contains(section) ? OrderCategory.LABORATORY
                : "PHR".equals(section) ? OrderCategory.PHARMACY : OrderCategory.OTHER;
    }

    /** TQ1-9 (v2.5), else the TQ priority ORC-7.6, else OBR-27.6, else OBR-5. */
    private static Optional<String> priority(SegmentView orc, Optional<SegmentView> obr, List<SegmentView> group, FieldTrail trail) {
        return ParsedMessage.first(group, "TQ1").flatMap(tq1 -> text(tq1, 9, 1, "order.priority", trail))
                .or(() -> text(orc, 7, 6, "order.priority", trail))
                .or(() -> obr.flatMap(o -> text(o, 27, 6, "order.priority", trail)))
                .or(() -> obr.flatMap(o -> text(o, 5, 1, "order.priority", trail)));
    }

    /** TQ1-7 start (v2.5), else the TQ start ORC-7.4, else OBR-6 requested date/time. */
    private static Optional<Instant> requestedAt(ParsedMessage m, SegmentView orc, Optional<SegmentView> obr,
                                                 List<SegmentView> group, FieldTrail trail) {
        Optional<SegmentView> tq1 = ParsedMessage.first(group, "TQ1").filter(t -> !t.get(7).isEmpty());
        if (tq1.isPresent()) {
            return timestamp(m, tq1.get(), 7, 1, "order.requestedAt", trail);
        }
        if (!orc.get(7, 1, 4, 1).isEmpty() || obr.isEmpty()) {
            return timestamp(m, orc, 7, 4, "order.requestedAt", trail);
        }
        return timestamp(m, obr.get(), 6, 1, "order.requestedAt", trail);
    }

    private static Optional<io.holdfast.api.model.PractitionerRef> orderer(SegmentView orc, Optional<SegmentView> obr, FieldTrail trail) {
        return VisitMapper.practitioner(orc, 12, "order.orderer", trail)
                .or(() -> obr.flatMap(o -> VisitMapper.practitioner(o, 16, "order.orderer", trail)));
    }

    /** ORC-16 order control code reason: its text, else its code. */
    private static Optional<String> statusReason(SegmentView orc, FieldTrail trail) {
        return text(orc, 16, 2, "order.statusReason", trail).or(() -> text(orc, 16, 1, "order.statusReason", trail));
    }

    private static Optional<String> text(SegmentView seg, int field, int comp, String canonical, FieldTrail trail) {
        String v = seg.get(field, comp);
        trail.inbound(seg.path(field, comp), canonical, v);
        return PatientMapper.opt(v);
    }

    private static Optional<Instant> timestamp(ParsedMessage m, SegmentView seg, int field, int comp, String canonical, FieldTrail trail) {
        String v = seg.get(field, 1, comp, 1);
        trail.inbound(seg.path(field, comp), canonical, v);
        return Hl7Timestamps.instant(v, m.zone(), seg.path(field, comp));
    }
}
