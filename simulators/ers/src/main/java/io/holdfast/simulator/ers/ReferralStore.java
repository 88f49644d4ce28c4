package io.holdfast.simulator.ers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The referrals by UBRN and their attachments by id, and how many times each changing operation was applied
 * to each UBRN (so tests can assert "exactly once" after a lost response). Thread-safe: one monitor, as every
 * change is a read-check-write of one referral.
 */
public final class ReferralStore {
    /** New referrals get UBRNs from here on (the published sandbox's examples use 0000000700xx). */
    static final long FIRST_CREATED_UBRN = 90_000L;
    private final Map<String, Referral> referrals = new TreeMap<>();
    private final Map<String, Attachment> attachments = new HashMap<>();
    private final Map<ErsOperation, Map<String, Integer>> applied = new EnumMap<>(ErsOperation.class);
    private long nextUbrn = FIRST_CREATED_UBRN;

    /** Adds or replaces a referral and indexes its attachments. */
    public synchronized ReferralStore put(Referral referral) {
        referrals.put(referral.ubrn(), referral);
        referral.attachments().forEach(a -> attachments.put(a.id(), a));
        return this;
    }

    public synchronized Optional<Referral> get(String ubrn) {
        return Optional.ofNullable(referrals.get(ubrn));
    }

    public synchronized List<Referral> all() {
        return new ArrayList<>(referrals.values());
    }

    public synchronized int size() {
        return referrals.size();
    }

    /** 1 when a referral with this UBRN exists, else 0. */
    public synchronized int countByUbrn(String ubrn) {
        return referrals.containsKey(ubrn) ? 1 : 0;
    }

    /** Referrals held for the patient: a second one for the same event shows a duplicate creation. */
    public synchronized int countByNhsNumber(String nhsNumber) {
        return (int) referrals.values().stream().filter(r -> r.nhsNumber().equals(nhsNumber)).count();
    }

    /** How many times {@code operation} took effect on {@code ubrn} (creations count on the new UBRN). */
    public synchronized int appliedCount(ErsOperation operation, String ubrn) {
        return applied.getOrDefault(operation, Map.of()).getOrDefault(ubrn, 0);
    }

    /** How many times {@code operation} took effect on any referral. */
    public synchronized int appliedCount(ErsOperation operation) {
        return applied.getOrDefault(operation, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized Optional<Attachment> attachment(String id) {
        return Optional.ofNullable(attachments.get(id));
    }

    /** Applies {@code change} to the referral as one step (it may throw an {@link ErsError} to refuse), counting it. */
    synchronized Referral change(String ubrn, ErsOperation operation, UnaryOperator<Referral> change) {
        Referral current = referrals.get(ubrn);
        if (current == null) {
            throw ErsError.notFound("No referral with UBRN " + ubrn);
        }
        Referral next = change.apply(current);
        referrals.put(ubrn, next);
        count(operation, ubrn);
        return next;
    }

    /**
     * Creates a referral from {@code draft} (its UBRN is replaced by a new one) unless an open referral with the same
     * natural key exists, which is returned instead (empty result = created).
     */
    synchronized CreateResult create(Referral draft, ErsOperation operation) {
        for (Referral r : referrals.values()) {
            if (r.state().open() && r.naturalKey().equals(draft.naturalKey())) {
                return new CreateResult(r, false);
            }
        }
        String ubrn = String.format("%012d", nextUbrn++);
        Referral created = new Referral(ubrn, 1, draft.state(), draft.reviewPending(), draft.type(), draft.nhsNumber(), draft.specialty(),
                draft.priority(), draft.serviceId(), draft.serviceName(), draft.attachments(), draft.outcomeComment());
        put(created);
        count(operation, ubrn);
        return new CreateResult(created, true);
    }

    /** The referral a creation produced, or the existing one it duplicates. */
    record CreateResult(Referral referral, boolean created) {
    }

    private void count(ErsOperation operation, String ubrn) {
        applied.computeIfAbsent(operation, o -> new HashMap<>()).merge(ubrn, 1, Integer::sum);
    }
}
