package io.holdfast.hl7v2.internal;

import io.holdfast.api.event.OrderStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HL7 table 0119 order control (ORC-1) and table 0038 order status (ORC-5) to the canonical
 * {@link OrderStatus}. A code Holdfast does not map rejects the message (INVALID_VALUE) rather than
 * guessing a status: an order's state must never be wrong downstream.
 */
final class OrderControls {
    /** Control codes the placer sends (requests); the others are the filler's answers and notices. */
    private static final Set<String> FROM_PLACER = Set.of("NW", "CA", "DC", "HD", "RL", "XO", "RP");

    private static final Map<String, OrderStatus> BY_CONTROL = Map.ofEntries(
            Map.entry("NW", OrderStatus.REQUESTED), Map.entry("SN", OrderStatus.REQUESTED),
            Map.entry("OK", OrderStatus.ACCEPTED), Map.entry("NA", OrderStatus.ACCEPTED),
            Map.entry("UA", OrderStatus.REJECTED),
            Map.entry("XO", OrderStatus.REVISED), Map.entry("XR", OrderStatus.REVISED), Map.entry("XX", OrderStatus.REVISED),
            Map.entry("HD", OrderStatus.ON_HOLD), Map.entry("OH", OrderStatus.ON_HOLD), Map.entry("HR", OrderStatus.ON_HOLD),
            Map.entry("RL", OrderStatus.RELEASED), Map.entry("OR", OrderStatus.RELEASED), Map.entry("RR", OrderStatus.RELEASED),
            Map.entry("CA", OrderStatus.CANCEL_REQUESTED),
            Map.entry("CR", OrderStatus.CANCELLED), Map.entry("OC", OrderStatus.CANCELLED),
            Map.entry("DC", OrderStatus.DISCONTINUED), Map.entry("OD", OrderStatus.DISCONTINUED),
            Map.entry("DR", OrderStatus.DISCONTINUED),
            Map.entry("RP", OrderStatus.REPLACED), Map.entry("RU", OrderStatus.REPLACED));

    private static final Map<String, OrderStatus> BY_ORDER_STATUS = Map.of(
            "SC", OrderStatus.SCHEDULED, "IP", OrderStatus.IN_PROGRESS, "A", OrderStatus.IN_PROGRESS,
            "CM", OrderStatus.COMPLETED, "CA", OrderStatus.CANCELLED, "DC", OrderStatus.DISCONTINUED,
            "HD", OrderStatus.ON_HOLD, "RP", OrderStatus.REPLACED);

    private OrderControls() {
    }

    static boolean fromPlacer(String control) {
        return FROM_PLACER.contains(control.toUpperCase(Locale.ROOT));
    }

    /**
     * The status an ORC-1 (and, for {@code SC} status changed, ORC-5) says the order is in.
     *
     * @throws MappingException INVALID_VALUE for a control or SC order status Holdfast does not map,
     *                          MISSING_FIELD for SC without ORC-5
     */
    static OrderStatus status(String control, String orderStatus, SegmentView orc) {
        String c = control.toUpperCase(Locale.ROOT);
        if ("SC".equals(c)) {
            if (orderStatus.isEmpty()) {
                throw new MappingException(MappingException.MISSING_FIELD, orc.path(5, 0) + " order status is required with ORC-1 SC");
            }
            OrderStatus s = BY_ORDER_STATUS.get(orderStatus.toUpperCase(Locale.ROOT));
            if (s == null) {
                throw new MappingException(MappingException.INVALID_VALUE, orc.path(5, 0)
                        + " is not an order status Holdfast maps; allowed: " + String.join(", ", BY_ORDER_STATUS.keySet().stream().sorted().toList()));
            }
            return s;
        }
        OrderStatus s = BY_CONTROL.get(c);
        if (s == null) {
            throw new MappingException(MappingException.INVALID_VALUE, orc.path(1, 0)
                    + " is not an order control Holdfast maps; allowed: SC, " + String.join(", ", BY_CONTROL.keySet().stream().sorted().toList()));
        }
        return s;
    }
}
