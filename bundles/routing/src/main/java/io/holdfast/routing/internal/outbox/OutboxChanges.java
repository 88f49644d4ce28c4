package io.holdfast.routing.internal.outbox;

import io.holdfast.journal.api.WriteBatch;

/**
 * State changes of outbox rows, buffered into a journal batch so each commits with the journal
 * stage that explains it. Dispatcher changes are fenced by the lease owner: a dispatcher that lost
 * its lease (it hung past {@code lease_until}) journals what it did but no longer moves the row.
 * Admin changes must find the row in the expected state or fail the whole task.
 */
public final class OutboxChanges {
    private static final String FREE = "lease_owner = NULL, lease_until = NULL";
    private static final String FENCE = " WHERE id = ? AND lease_owner = ?";

    private final OutboxUpdates updates;
    private final OutboxText text;

    private OutboxChanges(OutboxUpdates updates, OutboxText text) {
        this.updates = updates;
        this.text = text;
    }

    /** Changes written into {@code batch}; free text is sealed with the store's {@link OutboxText}. */
    public static OutboxChanges in(WriteBatch batch, OutboxStore store) {
        return new OutboxChanges(batch.resource(OutboxUpdates.class, OutboxUpdates::new), store.text());
    }

    public void done(OutboxRow row, long now) {
        updates.add("UPDATE routing_outbox SET state = 'DONE', " + FREE + ", done_at = ?, last_error = NULL" + FENCE, null,
                now, row.id(), owner(row));
    }

    public void retry(OutboxRow row, long nextAttemptAt, String reason) {
        updates.add("UPDATE routing_outbox SET state = 'PENDING', " + FREE + ", next_attempt_at = ?, last_error = ?" + FENCE,
                null, nextAttemptAt, lastError(row, reason), row.id(), owner(row));
    }

    /**
     * Puts a leased row back without counting the attempt: nothing was sent (no codec, transport,
     * credentials or inventory entry yet).
     */
    public void waitFor(OutboxRow row, long nextAttemptAt, String reason) {
        updates.add("UPDATE routing_outbox SET state = 'PENDING', " + FREE + ", next_attempt_at = ?, "
                + "attempts = attempts - CASE WHEN tracking_id IS NULL AND attempts > 0 THEN 1 ELSE 0 END, last_error = ?" + FENCE,
                null, nextAttemptAt, lastError(row, reason), row.id(), owner(row));
    }

    public void track(OutboxRow row, long nextAttemptAt, String trackingId, String summary) {
        updates.add("UPDATE routing_outbox SET state = 'PENDING', " + FREE + ", next_attempt_at = ?, tracking_id = ?, "
                + "last_error = ?" + FENCE, null, nextAttemptAt, trackingId, lastError(row, summary), row.id(), owner(row));
    }

    public void deadLetter(OutboxRow row, long now, String reason) {
        updates.add("UPDATE routing_outbox SET state = 'DEAD_LETTER', " + FREE + ", done_at = ?, last_error = ?" + FENCE, null,
                now, lastError(row, reason), row.id(), owner(row));
        insertDeadLetter(row, now, reason);
    }

    /** Admin: a dead-lettered row goes back to PENDING with a fresh attempt budget and the same request id. */
    public void replay(OutboxRow row, long now, String user) {
        updates.add("UPDATE routing_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?, tracking_id = NULL, "
                + "last_error = ?, done_at = NULL WHERE id = ? AND state = 'DEAD_LETTER'",
                "outbox row " + row.id() + " is no longer in DEAD_LETTER", now, lastError(row, "replayed by " + user), row.id());
        updates.add("UPDATE routing_dead_letter SET resolved_at = ?, resolved_by = ?, resolution = 'REPLAYED' "
                + "WHERE outbox_id = ? AND resolved_at IS NULL", null, now, user, row.id());
    }

    /** Admin: a pending (typically blocking, ordered) row is given up so later rows can go. */
    public void skip(OutboxRow row, long now, String user) {
        String reason = "skipped by " + user + (row.lastError().map(e -> " after: " + e).orElse(""));
        updates.add("UPDATE routing_outbox SET state = 'DEAD_LETTER', done_at = ?, last_error = ? WHERE id = ? AND state = 'PENDING'",
                "outbox row " + row.id() + " is no longer PENDING (a dispatcher may be delivering it)", now,
                lastError(row, reason), row.id());
        insertDeadLetter(row, now, reason);
    }

    private void insertDeadLetter(OutboxRow row, long now, String reason) {
        updates.add("INSERT INTO routing_dead_letter (outbox_id, journal_id, route_id, target, attempts, reason, dead_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", null, row.id(), row.journalId(), row.routeId(), row.target(), row.attempts(),
                text.sealReason(row.id(), now, reason), now);
    }

    private String lastError(OutboxRow row, String value) {
        return text.sealLastError(row.id(), value);
    }

    private static String owner(OutboxRow row) {
        return row.leaseOwner().orElse("");
    }
}
