package io.holdfast.api.event;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.PractitionerRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order for a service: a pathology or imaging request (HL7 v2 ORM^O01, OML^O21) or a pharmacy
 * order (RDE^O11, ORM^O01 with RXO; then {@link #medication()} is present), in any status of its
 * life. One event per ordered item (HL7: per ORC group).
 *
 * <p>Key: the placer order number (system = the placing application's namespace) because the
 * placer numbers an order first and every later message about it (filler's acceptance, status
 * changes, cancellation) repeats it; an order only the filler has numbered is keyed by its filler
 * order number. So every status change of one order is an amendment of one key and a resend is a
 * duplicate. An order known first by its filler number only and later also by a placer number gets
 * a second key; senders number orders at the placer in NHS pathology feeds.
 *
 * @param serviceCode       what is ordered (test or procedure code, or the medication's code)
 * @param serviceCodeSystem the code's system as sent; empty if not stated
 * @param serviceName       the ordered service's name as sent
 * @param requestedAt       when the service is wanted (e.g. the specimen collection or start time)
 * @param clinicalInfo      relevant clinical information the placer gave
 * @param statusReason      why the status changed (e.g. the cancellation reason), free text
 * @param occurredAt        when the placer or filler made this change (HL7 ORC-9), used to order
 *                          amendments; excluded from the digest
 */
@org.osgi.annotation.versioning.ProviderType
public record Order(Patient patient, Optional<Identifier> placerOrderNumber, Optional<Identifier> fillerOrderNumber,
                    OrderCategory category, OrderStatus status, String serviceCode, String serviceCodeSystem,
                    String serviceName, Optional<OrderedMedication> medication, Optional<String> priority,
                    Optional<Instant> requestedAt, Optional<PractitionerRef> orderer, Optional<Visit> visit,
                    Optional<String> clinicalInfo, Optional<String> statusReason,
                    @DigestExcluded Optional<Instant> occurredAt) implements PatientEvent {
    public static final String TYPE = "Order";

    public Order {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(serviceCode, "serviceCode");
        placerOrderNumber = orEmpty(placerOrderNumber);
        fillerOrderNumber = orEmpty(fillerOrderNumber);
        if (placerOrderNumber.isEmpty() && fillerOrderNumber.isEmpty()) {
            throw new HoldfastException(ErrorCode.INVALID_EVENT, "an order needs a placer or a filler order number");
        }
        serviceCodeSystem = serviceCodeSystem == null ? "" : serviceCodeSystem;
        serviceName = serviceName == null ? "" : serviceName;
        medication = orEmpty(medication);
        priority = orEmpty(priority);
        requestedAt = orEmpty(requestedAt);
        orderer = orEmpty(orderer);
        visit = orEmpty(visit);
        clinicalInfo = orEmpty(clinicalInfo);
        statusReason = orEmpty(statusReason);
        occurredAt = orEmpty(occurredAt);
    }

    private static <T> Optional<T> orEmpty(Optional<T> v) {
        return v == null ? Optional.empty() : v;
    }

    /** The identifier the key is built from: the placer order number, else the filler order number. */
    public Identifier orderNumber() {
        return placerOrderNumber.or(() -> fillerOrderNumber).orElseThrow();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@code Order}, the order number's system, the order number (see the class comment). */
    @Override
    public EventKey key() {
        Identifier number = orderNumber();
        return new EventKey(TYPE, number.system(), number.value());
    }
}
