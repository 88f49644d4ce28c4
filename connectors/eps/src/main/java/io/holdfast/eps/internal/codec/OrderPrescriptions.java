package io.holdfast.eps.internal.codec;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.MedicationItem;
import io.holdfast.api.event.Order;
import io.holdfast.api.event.OrderCategory;
import io.holdfast.api.event.OrderStatus;
import io.holdfast.api.event.OrderedMedication;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.eps.PrescriptionIds;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A pharmacy {@link Order} (e.g. an HL7 v2 RDE^O11 decoded by holdfast-lib-hl7v2) as a {@link Prescription}: the
 * prescription id is derived from the order's natural key (placer order number) and the prescriber's ODS code, so the
 * same order re-sent gets the same id; the medication becomes the one item (dm+d code, quantity, dosage text); a
 * cancelled or discontinued order becomes a cancellation. An order without a medication, or not in category PHARMACY,
 * is not a prescription ({@code INVALID_EVENT}: the outbox dead-letters it with that reason).
 */
public final class OrderPrescriptions {
    private OrderPrescriptions() {
    }

    public static Prescription from(Order order, Optional<String> prescriberOds, FieldTrail trail) {
        if (order.category() != OrderCategory.PHARMACY || order.medication().isEmpty()) {
            throw new HoldfastException(ErrorCode.INVALID_EVENT, "only a pharmacy order with a medication maps to an EPS prescription (category "
                    + order.category() + ")");
        }
        String ods = prescriberOds.filter(s -> !s.isBlank()).orElseThrow(() -> new HoldfastException(ErrorCode.INVALID_EVENT,
                "an order carries no prescriber organisation: set prescriberOdsCode in PID io.holdfast.eps"));
        OrderedMedication m = order.medication().get();
        String keyToken = order.key().token();
        String quantity = Stream.of(m.dispenseQuantity(), m.dispenseUnit()).flatMap(Optional::stream).collect(Collectors.joining(" "));
        MedicationItem item = new MedicationItem(StableIds.forKey(keyToken, "item-1"), m.code(), m.display(), quantity, dosage(m),
                Optional.empty());
        boolean cancel = order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.DISCONTINUED;
        Prescription p = new Prescription(PrescriptionIds.derive(keyToken, ods), order.patient(), new OrganisationRef(ods), order.orderer(),
                List.of(item), cancel ? PrescriptionBundles.CANCELLED : "active", order.occurredAt());
        trail.outbound("order.orderNumber", "prescription.prescriptionId", p.prescriptionId().value());
        trail.outbound("order.medication.code", "prescription.items[0].dmdCode", m.code());
        trail.outbound("order.status", "prescription.status", p.status());
        return p;
    }

    /** The instructions as sent, else dose, route and frequency as text ({@code 500 mg PO TDS}). */
    static Optional<String> dosage(OrderedMedication m) {
        if (m.instructions().isPresent()) {
            return m.instructions();
        }
        String text = Stream.of(m.dose(), m.doseUnit(), m.route(), m.frequency()).flatMap(Optional::stream).collect(Collectors.joining(" "));
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
