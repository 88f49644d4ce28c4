package io.holdfast.routing.internal.outbox;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Stage;
import io.holdfast.journal.api.JournalWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What an admin may do to the outbox: replay dead letters and skip a pending row that blocks an
 * ordered route. Each action is journaled (a ROUTED stage for a replay, a DEAD_LETTER stage for a
 * skip) with the user who did it, in the same transaction as the row change.
 */
@Component(service = OutboxAdmin.class)
public class OutboxAdmin {
    private final OutboxStore store;
    private final JournalWriter writer;
    private final TargetMonitor monitor;

    @Activate
    public OutboxAdmin(@Reference OutboxStore store, @Reference JournalWriter writer, @Reference TargetMonitor monitor) {
        this.store = store;
        this.writer = writer;
        this.monitor = monitor;
    }

    /** Puts one dead-lettered row back to PENDING. */
    public OutboxRow replay(long outboxId, String user) {
        OutboxRow row = require(outboxId, OutboxState.DEAD_LETTER, "only DEAD_LETTER rows can be replayed");
        commit(batch -> {
            long now = System.currentTimeMillis();
            OutboxChanges.in(batch, store).replay(row, now, user);
            store.opening(row.target(), row.orderingKey().orElse(null));
            batch.addStage(row.journalId(), Stage.ROUTED, row.target(), Optional.empty(), "replayed by " + user + ": outbox "
                    + row.id() + " route " + row.routeId() + " request " + row.requestId(), Optional.empty(), "");
            return null;
        });
        monitor.added(row.target(), 1);
        store.signal().fire();
        return store.find(outboxId).orElse(row);
    }

    /** Replays every unresolved dead letter of a target; returns how many rows went back to PENDING. */
    public int replayAll(String target, String user) {
        int n = 0;
        List<OutboxRow> rows;
        do {
            rows = store.list(Optional.of(target), Optional.of(OutboxState.DEAD_LETTER), 500);
            for (OutboxRow r : rows) {
                replay(r.id(), user);
                n++;
            }
        } while (rows.size() == 500);
        return n;
    }

    /** Gives up a PENDING row (e.g. one blocking later events of an ordered route); it becomes a replayable dead letter. */
    public OutboxRow skip(long outboxId, String user) {
        OutboxRow row = require(outboxId, OutboxState.PENDING, "only PENDING rows can be skipped; wait for its lease to end");
        commit(batch -> {
            long now = System.currentTimeMillis();
            OutboxChanges.in(batch, store).skip(row, now, user);
            batch.addStage(row.journalId(), Stage.DEAD_LETTER, row.target(), Optional.empty(), "skipped by " + user
                    + ": outbox " + row.id() + " route " + row.routeId() + " after " + row.attempts() + " attempts", Optional.empty(), "");
            return null;
        });
        monitor.finished(row.target());
        store.signal().fire();
        return store.find(outboxId).orElse(row);
    }

    private OutboxRow require(long id, OutboxState state, String rule) {
        OutboxRow row = store.find(id).orElseThrow(() -> new HoldfastException(ErrorCode.UNKNOWN_SYSTEM,
                "No outbox row " + id + "; list rows with holdfast:outbox --list"));
        if (row.state() != state) {
            throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION, "Outbox row " + id + " is " + row.state() + "; " + rule
                    + ". Nothing was changed.");
        }
        return row;
    }

    private void commit(io.holdfast.journal.writer.BatchTask<io.holdfast.journal.api.WriteBatch, Void> task) {
        try {
            writer.submit(task).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "Not changed: " + (cause instanceof HoldfastException h
                    ? h.getMessage() : String.valueOf(cause)), cause);
        } catch (TimeoutException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "The journal did not confirm within 30 s; check "
                    + "holdfast:outbox before retrying", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "Interrupted; check holdfast:outbox before retrying", e);
        }
    }
}
