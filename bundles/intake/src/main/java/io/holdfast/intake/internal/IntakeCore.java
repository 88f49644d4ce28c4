package io.holdfast.intake.internal;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.EventOutcome;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.idempotency.api.Claims;
import io.holdfast.intake.spi.IntakeParticipant;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.journal.api.PreparedPayload;
import io.holdfast.journal.api.WriteBatch;
import io.holdfast.journal.api.WriteBatch.EventRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Intake: everything that can be done on the caller's thread (payload sealing, digests, route
 * matching) is done there; the batch task only appends rows, so the single writer stays short.
 */
public final class IntakeCore implements Intake {
    /** An event with what was computed for it before the batch. */
    private record Prepared(ClinicalEvent event, String keyDigest, String contentDigest, Optional<String> nhsDigest,
                            List<Router.Target> targets) {
    }

    private final JournalWriter writer;
    private final Claims claims;
    private final Supplier<Optional<Router>> router;
    private final Supplier<List<IntakeParticipant>> participants;
    private volatile boolean open = true;

    public IntakeCore(JournalWriter writer, Claims claims, Supplier<Optional<Router>> router,
                      Supplier<List<IntakeParticipant>> participants) {
        this.writer = writer;
        this.claims = claims;
        this.router = router;
        this.participants = participants;
    }

    @Override
    public CompletionStage<IntakeReceipt> accept(Envelope envelope, Payload payload, DecodeResult decoded, FieldTrail trail) {
        if (!open) {
            return CompletableFuture.failedFuture(new IntakeRefusedException(IntakeRefusedException.Reason.SHUTTING_DOWN,
                    "Holdfast is stopping; the sender should retry"));
        }
        try {
            List<Prepared> events = prepare(envelope, decoded);
            List<Router.Target> raw = decoded instanceof DecodeResult.Unmapped
                    ? router.get().map(r -> r.passthroughTargets(envelope)).orElse(List.of()) : List.of();
            List<IntakeParticipant> parts = participants.get();
            if (!raw.isEmpty()) {
                for (IntakeParticipant part : parts) {
                    Optional<String> why = part.refuseRaw(envelope, raw);
                    if (why.isPresent()) {
                        return CompletableFuture.failedFuture(
                                new IntakeRefusedException(IntakeRefusedException.Reason.BACK_PRESSURE, why.get()));
                    }
                }
            }
            for (Prepared p : events) {
                for (IntakeParticipant part : parts) {
                    Optional<String> why = part.refuse(envelope, p.event(), p.targets());
                    if (why.isPresent()) {
                        return CompletableFuture.failedFuture(
                                new IntakeRefusedException(IntakeRefusedException.Reason.BACK_PRESSURE, why.get()));
                    }
                }
            }
            PreparedPayload prepared = writer.prepare(payload);
            List<io.holdfast.api.message.FieldMapping> fields = List.copyOf(trail.mappings());
            return writer.submit(batch -> write(batch, envelope, prepared, decoded, events, raw, fields, parts));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e instanceof IntakeRefusedException ? e
                    : new IntakeRefusedException(IntakeRefusedException.Reason.PAYLOAD_NOT_DURABLE, e.getMessage(), e));
        }
    }

    private List<Prepared> prepare(Envelope envelope, DecodeResult decoded) {
        if (!(decoded instanceof DecodeResult.Decoded d)) {
            return List.of();
        }
        Optional<Router> r = router.get();
        List<Prepared> out = new ArrayList<>(d.events().size());
        for (ClinicalEvent e : d.events()) {
            out.add(new Prepared(e, writer.digest(e.key().token()), e.digest().hex(), e.nhsNumber().map(n -> writer.digest(n.value())),
                    r.map(x -> x.targets(envelope, e)).orElse(List.of())));
        }
        return out;
    }

    private IntakeReceipt write(WriteBatch batch, Envelope env, PreparedPayload payload, DecodeResult decoded,
                                List<Prepared> events, List<Router.Target> raw, List<io.holdfast.api.message.FieldMapping> fields,
                                List<IntakeParticipant> parts) throws java.sql.SQLException {
        io.holdfast.api.kernel.PayloadInfo stored = payload.write(batch);
        long id = batch.addMessage(env, Optional.of(stored));
        if (decoded instanceof DecodeResult.Rejected rej) {
            batch.addStage(id, Stage.REJECTED, env.sourceSystem(), Optional.empty(), rej.code() + ": " + rej.reason(),
                    Optional.empty(), "");
            return new IntakeReceipt(id, true, List.of());
        }
        if (decoded instanceof DecodeResult.Unmapped u) {
            batch.addTransformed(id, env.sourceSystem(), "unmapped " + u.messageType(), List.of(), fields);
            for (Router.Target t : raw) {
                batch.addStage(id, Stage.ROUTED, t.systemId(), Optional.empty(), "route " + t.routeId() + " passthrough (raw "
                        + u.messageType() + ")", Optional.empty(), "");
            }
            if (!raw.isEmpty()) {
                for (IntakeParticipant part : parts) {
                    part.acceptedRaw(batch, id, env, stored, raw);
                }
            }
            return new IntakeReceipt(id, false, List.of());
        }
        List<ClaimOutcome> outcomes = new ArrayList<>(events.size());
        List<EventRecord> records = new ArrayList<>(events.size());
        for (Prepared p : events) {
            ClaimOutcome c = claims.claim(batch, p.event(), p.keyDigest(), p.contentDigest(), env.messageId());
            outcomes.add(c);
            records.add(new EventRecord(p.event().type(), p.keyDigest(), p.nhsDigest(), c));
        }
        batch.addTransformed(id, env.sourceSystem(), describe(events, outcomes), records, fields);
        List<EventOutcome> result = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Prepared p = events.get(i);
            List<String> routed = new ArrayList<>();
            if (outcomes.get(i).routable()) {
                for (Router.Target t : p.targets()) {
                    batch.addStage(id, Stage.ROUTED, t.systemId(), Optional.empty(), "route " + t.routeId() + " event " + i
                            + " " + outcomes.get(i), Optional.empty(), "");
                    routed.add(t.systemId());
                }
                IntakeParticipant.EventDigests digests = new IntakeParticipant.EventDigests(i, p.keyDigest(), p.contentDigest());
                for (IntakeParticipant part : parts) {
                    part.accepted(batch, id, env, p.event(), digests, outcomes.get(i), p.targets());
                }
            }
            result.add(new EventOutcome(p.event().key(), p.event().type(), outcomes.get(i), routed));
        }
        return new IntakeReceipt(id, false, result);
    }

    private static String describe(List<Prepared> events, List<ClaimOutcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(events.get(i).event().type()).append(' ').append(outcomes.get(i));
        }
        return sb.toString();
    }

    /** Refuses new input; what was accepted before completes normally. */
    public void close() {
        open = false;
    }
}
