package io.holdfast.simulator.eps;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator saw, for exactly-once assertions: how often each prescription was stored, each operation
 * applied, each order delivered under a new X-Request-ID, and every refusal as DUPLICATE_PRESCRIPTION_ID with
 * whether its content matched the stored order. Thread-safe; values are read live.
 */
public final class EpsCounters {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong requestIdReused = new AtomicLong();
    private final Map<EpsOperation, AtomicLong> applied = new EnumMap<>(EpsOperation.class);
    private final Map<String, Integer> stored = new HashMap<>();
    private final Map<String, Integer> orderDeliveries = new HashMap<>();
    private final Map<String, Integer> storedByItem = new HashMap<>();
    private final List<DuplicateOrder> duplicates = new ArrayList<>();

    /** An order refused as DUPLICATE_PRESCRIPTION_ID: its id, X-Request-ID, and whether its content equals the stored order's. */
    public record DuplicateOrder(String prescriptionId, String requestId, boolean sameContent) {
    }

    EpsCounters() {
        for (EpsOperation op : EpsOperation.values()) {
            applied.put(op, new AtomicLong());
        }
    }

    /** Requests received, refused ones included. */
    public long requests() {
        return requests.get();
    }

    /** Requests answered with the remembered answer of an earlier request with the same X-Request-ID and body. */
    public long replayed() {
        return replayed.get();
    }

    /** Requests that reused an X-Request-ID already answered for a different body (processed as new). */
    public long requestIdReused() {
        return requestIdReused.get();
    }

    /** How often {@code op} took effect (see {@link EpsOperation}); replays of remembered answers are not counted. */
    public long applied(EpsOperation op) {
        return applied.get(op).get();
    }

    /** How often an order with this prescription ID was stored: 0 or 1 unless something is badly wrong. */
    public synchronized int storedTimes(String prescriptionId) {
        return stored.getOrDefault(prescriptionId, 0);
    }

    /**
     * Orders for this prescription ID that were processed under distinct X-Request-IDs (stored, or refused as
     * DUPLICATE_PRESCRIPTION_ID): 1 when the client's retries all reused the first request's X-Request-ID.
     */
    public synchronized int orderDeliveries(String prescriptionId) {
        return orderDeliveries.getOrDefault(prescriptionId, 0);
    }

    /**
     * Stored prescriptions whose MedicationRequests carry this {@code prescription-order-item-number}: more than one
     * means one prescribed item was stored under two prescription IDs (a client that made up a new ID on retry).
     */
    public synchronized int storedOrdersWithItem(String itemNumber) {
        return storedByItem.getOrDefault(itemNumber, 0);
    }

    /** Stored prescriptions, total. */
    public synchronized int storedPrescriptions() {
        return stored.size();
    }

    /** Prescription IDs stored more than once plus items stored under more than one prescription ID. */
    public synchronized int duplicatesStored() {
        int n = 0;
        for (int times : stored.values()) {
            n += Math.max(0, times - 1);
        }
        for (int times : storedByItem.values()) {
            n += Math.max(0, times - 1);
        }
        return n;
    }

    /** Every DUPLICATE_PRESCRIPTION_ID refusal so far, oldest first. */
    public synchronized List<DuplicateOrder> duplicateOrders() {
        return List.copyOf(duplicates);
    }

    void request() {
        requests.incrementAndGet();
    }

    void replay() {
        replayed.incrementAndGet();
    }

    void requestIdReuse() {
        requestIdReused.incrementAndGet();
    }

    void applied(EpsOperation op, int times) {
        applied.get(op).addAndGet(times);
    }

    synchronized void orderDelivered(String prescriptionId) {
        orderDeliveries.merge(prescriptionId, 1, Integer::sum);
    }

    synchronized void stored(String prescriptionId, List<String> itemNumbers) {
        stored.merge(prescriptionId, 1, Integer::sum);
        for (String item : itemNumbers) {
            storedByItem.merge(item, 1, Integer::sum);
        }
    }

    synchronized void duplicate(DuplicateOrder refusal) {
        duplicates.add(refusal);
    }
}
