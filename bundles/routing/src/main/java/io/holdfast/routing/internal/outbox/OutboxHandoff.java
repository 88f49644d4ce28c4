package io.holdfast.routing.internal.outbox;

import java.util.List;

/**
 * Lets this node's dispatcher take outbox rows straight from Intake's batch: rows written already
 * LEASED to it (attempt 1), then handed over in memory once the batch has committed. This saves
 * the claim transaction — a second durable commit per delivery that competed with Intake's own —
 * and the poll wake-up in between. The lease is durable with the row, so a crash before delivery
 * leaves exactly what a claimed row would: a LEASED row that the next start of this node (or the
 * lease expiry) puts back to PENDING, with the attempt counted.
 *
 * <p>Rows go this way only while a dispatcher is attached and has free capacity, and an ordered
 * row only when no earlier row of its (target, ordering key) is open; everything else is written
 * PENDING and claimed by the poller as before.
 */
public final class OutboxHandoff {
    /** The local dispatcher, as Intake's batch sees it. Methods are called on the journal writer thread. */
    public interface Taker {
        /** Lease owner written into handed-off rows. */
        String owner();

        long leaseMs();

        /** Reserves capacity for up to {@code wanted} rows; returns how many it reserved. Never blocks. */
        int reserve(int wanted);

        /** Gives back capacity reserved for rows whose batch rolled back. */
        void unreserve(int count);

        /** Rows now committed as LEASED to {@link #owner()}, one per reserved slot. Never blocks. */
        void take(List<OutboxRow> rows);
    }

    private volatile Taker taker;

    public void attach(Taker t) {
        taker = t;
    }

    /** Stops handing rows to {@code t}; rows already reserved still reach it, which must then leave them to their lease. */
    public void detach(Taker t) {
        if (taker == t) {
            taker = null;
        }
    }

    Taker current() {
        return taker;
    }
}
