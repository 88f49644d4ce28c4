package io.holdfast.simulator.eps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One stored prescription: the signed order as received, its identity, and where it is in its life. Guarded by the store's lock. */
final class StoredPrescription {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String id;
    /** Compact JSON: a Jackson tree of a 4 KB order takes several times that, and load tests store thousands. */
    private final byte[] order;
    private final String nhsNumber;
    private final Optional<String> nominatedPharmacy;
    private final String authoredOn;
    private final List<String> itemNumbers;
    private final Instant storedAt;
    private BusinessStatus status = BusinessStatus.TO_BE_DISPENSED;
    private Optional<String> dispenser = Optional.empty();
    private boolean markedForCancellation;

    StoredPrescription(String id, ObjectNode order, String nhsNumber, Optional<String> nominatedPharmacy,
                       String authoredOn, List<String> itemNumbers, Instant storedAt) {
        this.id = id;
        try {
            this.order = JSON.writeValueAsBytes(order);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        this.nhsNumber = nhsNumber;
        this.nominatedPharmacy = nominatedPharmacy;
        this.authoredOn = authoredOn;
        this.itemNumbers = List.copyOf(itemNumbers);
        this.storedAt = storedAt;
    }

    String id() {
        return id;
    }

    /** A fresh copy of the order as received (callers may change it). */
    ObjectNode order() {
        try {
            return (ObjectNode) JSON.readTree(order);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored order is JSON this simulator wrote", e);
        }
    }

    String nhsNumber() {
        return nhsNumber;
    }

    Optional<String> nominatedPharmacy() {
        return nominatedPharmacy;
    }

    String authoredOn() {
        return authoredOn;
    }

    List<String> itemNumbers() {
        return itemNumbers;
    }

    Instant storedAt() {
        return storedAt;
    }

    BusinessStatus status() {
        return status;
    }

    Optional<String> dispenser() {
        return dispenser;
    }

    boolean markedForCancellation() {
        return markedForCancellation;
    }

    void releaseTo(String pharmacy) {
        status = BusinessStatus.WITH_DISPENSER;
        dispenser = Optional.of(pharmacy);
    }

    void status(BusinessStatus next) {
        status = next;
    }

    void markForCancellation() {
        markedForCancellation = true;
    }
}
