package io.holdfast.simulator.eps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The prescriptions EPS holds, by short-form ID, in the order they arrived. Synchronised: tests read it while the server writes. */
final class PrescriptionStore {
    private final Map<String, StoredPrescription> byId = new LinkedHashMap<>();

    synchronized Optional<StoredPrescription> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized void put(StoredPrescription prescription) {
        byId.put(prescription.id(), prescription);
    }

    synchronized int size() {
        return byId.size();
    }

    /** Prescriptions nominated to {@code pharmacy} and not yet downloaded, oldest first, at most {@code limit}. */
    synchronized List<StoredPrescription> nominatedTo(String pharmacy, int limit) {
        List<StoredPrescription> found = new ArrayList<>();
        for (StoredPrescription p : byId.values()) {
            if (found.size() == limit) {
                break;
            }
            if (p.status() == BusinessStatus.TO_BE_DISPENSED && p.nominatedPharmacy().filter(pharmacy::equals).isPresent()) {
                found.add(p);
            }
        }
        return found;
    }

    synchronized List<StoredPrescription> forPatient(String nhsNumber) {
        List<StoredPrescription> found = new ArrayList<>();
        for (StoredPrescription p : byId.values()) {
            if (p.nhsNumber().equals(nhsNumber)) {
                found.add(p);
            }
        }
        return found;
    }
}
