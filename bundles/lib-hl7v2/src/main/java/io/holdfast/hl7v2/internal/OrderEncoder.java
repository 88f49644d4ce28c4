package io.holdfast.hl7v2.internal;

import io.holdfast.api.event.Order;
import io.holdfast.api.event.OrderCategory;
import io.holdfast.api.event.OrderStatus;
import io.holdfast.api.event.OrderedMedication;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Identifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ORC and OBR (ORM^O01) or RXE + RXR (RDE^O11) of an {@link Order}, written so that the
 * decoder reads the same order back (same key and digest): the status as the ORC-1 (and ORC-5 for
 * scheduled, in progress and completed) the decoder maps to it, timing in ORC-7.
 */
final class OrderEncoder {
    private OrderEncoder() {
    }

    /** ORC-1 and ORC-5 for a status: the inverse of {@link OrderControls#status}. */
    static String[] control(OrderStatus status) {
        return switch (status) {
            case REQUESTED -> new String[] {"NW", ""};
            case ACCEPTED -> new String[] {"OK", ""};
            case REJECTED -> new String[] {"UA", ""};
            case SCHEDULED -> new String[] {"SC", "SC"};
            case IN_PROGRESS -> new String[] {"SC", "IP"};
            case COMPLETED -> new String[] {"SC", "CM"};
            case REVISED -> new String[] {"XO", ""};
            case ON_HOLD -> new String[] {"HD", ""};
            case RELEASED -> new String[] {"RL", ""};
            case CANCEL_REQUESTED -> new String[] {"CA", ""};
            case CANCELLED -> new String[] {"CR", ""};
            case DISCONTINUED -> new String[] {"DC", ""};
            case REPLACED -> new String[] {"RP", ""};
        };
    }

    static void append(StringBuilder sb, Order o, FieldTrail trail, Function<Instant, String> ts) {
        String[] control = control(o.status());
        String[] orc = fields(17);
        orc[1] = control[0];
        orc[2] = o.placerOrderNumber().map(OrderEncoder::ei).orElse("");
        orc[3] = o.fillerOrderNumber().map(OrderEncoder::ei).orElse("");
        orc[5] = control[1];
        String frequency = o.medication().flatMap(OrderedMedication::frequency).map(Hl7v2Encoder::esc).orElse("");
        orc[7] = "^" + frequency + "^^" + o.requestedAt().map(ts).orElse("") + "^^" + o.priority().map(Hl7v2Encoder::esc).orElse("");
        orc[9] = o.occurredAt().map(ts).orElse("");
        orc[12] = o.orderer().map(p -> Hl7v2Encoder.esc(p.identifier().value()) + "^" + Hl7v2Encoder.esc(p.display().orElse(""))).orElse("");
        orc[16] = o.statusReason().map(r -> "^" + Hl7v2Encoder.esc(r)).orElse("");
        segment(sb, "ORC", orc);
        trail.outbound("order.placerOrderNumber.value", "ORC-2.1", o.placerOrderNumber().map(Identifier::value).orElse(""));
        trail.outbound("order.fillerOrderNumber.value", "ORC-3.1", o.fillerOrderNumber().map(Identifier::value).orElse(""));
        trail.outbound("order.status", "ORC-1", control[0]);
        if (o.medication().isPresent()) {
            rxe(sb, o.medication().get(), trail);
        } else {
            obr(sb, o, trail);
        }
    }

    private static void obr(StringBuilder sb, Order o, FieldTrail trail) {
        String[] obr = fields(25);
        obr[1] = "1";
        obr[2] = o.placerOrderNumber().map(OrderEncoder::ei).orElse("");
        obr[3] = o.fillerOrderNumber().map(OrderEncoder::ei).orElse("");
        obr[4] = Hl7v2Encoder.esc(o.serviceCode()) + "^" + Hl7v2Encoder.esc(o.serviceName()) + "^" + Hl7v2Encoder.esc(o.serviceCodeSystem());
        obr[13] = o.clinicalInfo().map(Hl7v2Encoder::esc).orElse("");
        obr[24] = o.category() == OrderCategory.IMAGING ? "RAD" : o.category() == OrderCategory.LABORATORY ? "LAB" : "";
        segment(sb, "OBR", obr);
        trail.outbound("order.serviceCode", "OBR-4.1", o.serviceCode());
    }

    private static void rxe(StringBuilder sb, OrderedMedication m, FieldTrail trail) {
        String[] rxe = fields(12);
        rxe[2] = Hl7v2Encoder.esc(m.code()) + "^" + Hl7v2Encoder.esc(m.display()) + "^" + Hl7v2Encoder.esc(m.codeSystem());
        rxe[3] = esc(m.dose());
        rxe[5] = esc(m.doseUnit());
        rxe[6] = esc(m.doseForm());
        rxe[7] = m.instructions().map(i -> "^" + Hl7v2Encoder.esc(i)).orElse("");
        rxe[10] = esc(m.dispenseQuantity());
        rxe[11] = esc(m.dispenseUnit());
        segment(sb, "RXE", rxe);
        m.route().ifPresent(r -> sb.append("RXR|").append(Hl7v2Encoder.esc(r)).append('\r'));
        trail.outbound("order.medication.code", "RXE-2.1", m.code());
    }

    private static String ei(Identifier id) {
        String system = id.system();
        String namespace = system.startsWith(Identifier.LOCAL_PREFIX) ? system.substring(Identifier.LOCAL_PREFIX.length()) : system;
        return Hl7v2Encoder.esc(id.value()) + "^" + Hl7v2Encoder.esc(namespace);
    }

    private static String esc(Optional<String> v) {
        return v.map(Hl7v2Encoder::esc).orElse("");
    }

    private static String[] fields(int n) {
        String[] f = new String[n];
        Arrays.fill(f, "");
        return f;
    }

    /** The segment with its trailing empty fields left out. */
    private static void segment(StringBuilder sb, String name, String[] f) {
        int last = f.length - 1;
        while (last > 1 && f[last].replace("^", "").isEmpty()) {
            last--;
        }
        sb.append(name);
        for (int i = 1; i <= last; i++) {
            sb.append('|').append(f[i].replaceAll("\\^+$", ""));
        }
        sb.append('\r');
    }
}
