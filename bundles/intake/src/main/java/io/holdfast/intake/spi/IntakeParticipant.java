package io.holdfast.intake.spi;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.message.Envelope;
import io.holdfast.journal.api.WriteBatch;
import java.util.List;
import java.util.Optional;

/**
 * Writes into Intake's batch for every routable event, after its claim and ROUTED stages, so its
 * rows (e.g. outbox rows) commit with the journal. Must write only through the batch.
 */
public interface IntakeParticipant {

    /**
     * Refuses input before anything is written (e.g. a target's outbox is over its depth limit).
     *
     * @return the reason to refuse, or empty to accept
     */
    default Optional<String> refuse(Envelope envelope, ClinicalEvent event, List<Router.Target> targets) {
        return Optional.empty();
    }

    void accepted(WriteBatch batch, long journalId, Envelope envelope, ClinicalEvent event, ClaimOutcome claim,
                  List<Router.Target> targets) throws java.sql.SQLException;

    /**
     * What Intake already computed for an event, off the writer thread: its place in the message and
     * its keyed key digest and content digest (so a participant need not walk the event again).
     */
    record EventDigests(int index, String keyDigest, String contentDigest) {
    }

    /**
     * Called by Intake instead of {@link #accepted(WriteBatch, long, Envelope, ClinicalEvent, ClaimOutcome, List)}
     * with the event's digests; by default it calls that method.
     */
    default void accepted(WriteBatch batch, long journalId, Envelope envelope, ClinicalEvent event, EventDigests digests,
                          ClaimOutcome claim, List<Router.Target> targets) throws java.sql.SQLException {
        accepted(batch, journalId, envelope, event, claim, targets);
    }

    /** As {@link #refuse}, for a message no codec maps that passthrough routes send on raw. */
    default Optional<String> refuseRaw(Envelope envelope, List<Router.Target> targets) {
        return Optional.empty();
    }

    /**
     * A message no codec maps, journaled with its raw payload, that passthrough routes send on as
     * it came ({@link Router#passthroughTargets}); called in the same batch, only if there are targets.
     */
    default void acceptedRaw(WriteBatch batch, long journalId, Envelope envelope, io.holdfast.api.kernel.PayloadInfo payload,
                             List<Router.Target> targets) throws java.sql.SQLException {
    }
}
