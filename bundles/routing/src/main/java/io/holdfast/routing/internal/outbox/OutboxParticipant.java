package io.holdfast.routing.internal.outbox;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.message.Envelope;
import io.holdfast.intake.spi.IntakeParticipant;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.journal.api.WriteBatch;
import io.holdfast.routing.internal.outbox.OutboxInserts.NewRow;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Writes the outbox rows inside Intake's batch transaction: one row per (routable event, target),
 * committed with the journal rows and the idempotency claim, so an ACK to the sender means
 * "durably accepted and scheduled". Refuses input before anything is written when a target's
 * outbox is at its depth limit.
 */
@Component(service = IntakeParticipant.class)
public class OutboxParticipant implements IntakeParticipant {
    private final OutboxStore store;
    private final JournalWriter writer;
    private final TargetMonitor monitor;
    private final RecentEvents recent;

    @Activate
    public OutboxParticipant(@Reference OutboxStore store, @Reference JournalWriter writer, @Reference TargetMonitor monitor,
                             @Reference RecentEvents recent) {
        this.store = store;
        this.writer = writer;
        this.monitor = monitor;
        this.recent = recent;
    }

    @Override
    public Optional<String> refuse(Envelope envelope, ClinicalEvent event, List<Router.Target> targets) {
        return monitor.refuse(targets);
    }

    @Override
    public void accepted(WriteBatch batch, long journalId, Envelope envelope, ClinicalEvent event, ClaimOutcome claim,
                         List<Router.Target> targets) throws SQLException {
        accepted(batch, journalId, envelope, event, new EventDigests(0, writer.digest(event.key().token()), event.digest().hex()),
                claim, targets);
    }

    @Override
    public void accepted(WriteBatch batch, long journalId, Envelope envelope, ClinicalEvent event, EventDigests digests,
                         ClaimOutcome claim, List<Router.Target> targets) throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        String keyDigest = digests.keyDigest();
        String contentDigest = digests.contentDigest();
        String orderingKey = targets.stream().anyMatch(Router.Target::ordered)
                ? writer.digest(event.subject().map(i -> i.token()).orElse(event.key().token())) : null;
        long now = System.currentTimeMillis();
        OutboxInserts inserts = inserts(batch);
        for (Router.Target t : targets) {
            inserts.add(new NewRow(journalId, OutboxRow.EVENT, t.routeId(), t.systemId(), keyDigest, contentDigest,
                    t.ordered() ? orderingKey : null, RequestIds.of(keyDigest, contentDigest, t.systemId()), now));
        }
        recent.put(journalId, keyDigest, contentDigest, event);
    }

    @Override
    public Optional<String> refuseRaw(Envelope envelope, List<Router.Target> targets) {
        return monitor.refuse(targets);
    }

    /**
     * Schedules raw delivery of a message no codec maps (routes with {@code passthrough=true}). The
     * natural key is the source and transport message id; the content digest is the payload's SHA-256,
     * so a sender's resend of the same message carries the same request id downstream (for MLLP the
     * same MSH-10) and is recognised there as a duplicate.
     */
    @Override
    public void acceptedRaw(WriteBatch batch, long journalId, Envelope envelope, PayloadInfo payload,
                            List<Router.Target> targets) throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        String keyDigest = writer.digest("raw|" + envelope.sourceSystem() + "|" + envelope.messageId());
        String orderingKey = writer.digest("raw|" + envelope.sourceSystem());
        long now = System.currentTimeMillis();
        OutboxInserts inserts = inserts(batch);
        for (Router.Target t : targets) {
            inserts.add(new NewRow(journalId, OutboxRow.RAW, t.routeId(), t.systemId(), keyDigest, payload.sha256(),
                    t.ordered() ? orderingKey : null, RequestIds.of(keyDigest, payload.sha256(), t.systemId()), now));
        }
    }

    /**
     * The batch's outbox inserts. Outbox updates (outcomes, replays, skips) are requested first so
     * they flush first: the handoff's "is an earlier row of this patient open?" check then sees a
     * row this same batch closed or re-opened.
     */
    private OutboxInserts inserts(WriteBatch batch) {
        batch.resource(OutboxUpdates.class, OutboxUpdates::new);
        return batch.resource(OutboxInserts.class, c -> new OutboxInserts(c, this::flushed, store.signal()::fire, store));
    }

    private void flushed(List<NewRow> rows) {
        Map<String, Integer> perTarget = new HashMap<>();
        rows.forEach(r -> perTarget.merge(r.target(), 1, Integer::sum));
        perTarget.forEach(monitor::added);
    }
}
