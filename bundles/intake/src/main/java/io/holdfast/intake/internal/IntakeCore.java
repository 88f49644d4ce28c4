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
    private static final int DEADLOCK_TRIES = 3;
    /** An event with what was computed for it before the batch. */
    private record Prepared(ClinicalEvent event, String keyDigest, String contentDigest, Optional<String> nhsDigest,
                            List<Router.Target> targets) {
    }

    private final JournalWriter writer;
    private final Claims claims;
    private final Supplier<Optional<Router>> router;
    private final Supplier<List<IntakeParticipant>> participants;
    private final RefusalLog refusals = new RefusalLog();
    private volatile RouteRequirement requirement;
    private volatile boolean open = true;

    /** A journal-only Intake ({@link RouteRequirement#NONE}), as connectors' plain-JVM test fixtures use it. */
    public IntakeCore(JournalWriter writer, Claims claims, Supplier<Optional<Router>> router,
                      Supplier<List<IntakeParticipant>> participants) {
        this(writer, claims, router, participants, RouteRequirement.NONE);
    }

    public IntakeCore(JournalWriter writer, Claims claims, Supplier<Optional<Router>> router,
                      Supplier<List<IntakeParticipant>> participants, RouteRequirement requirement) {
        this.writer = writer;
        this.claims = claims;
        this.router = router;
        this.participants = participants;
        this.requirement = requirement;
    }

    /** Applies a changed requirement to messages accepted from now on. */
    public void requirement(RouteRequirement r) {
        this.requirement = r;
    }

    public RouteRequirement requirement() {
        return requirement;
    }

    @Override
    public CompletionStage<IntakeReceipt> accept(Envelope envelope, Payload payload, DecodeResult decoded, FieldTrail trail) {
        if (!open) {
            return CompletableFuture.failedFuture(new IntakeRefusedException(IntakeRefusedException.Reason.SHUTTING_DOWN,
                    "Holdfast is stopping; the sender should retry"));
        }
        try {
            RouteRequirement required = requirement;
            List<IntakeParticipant> parts = participants.get();
            routingUnavailable(required, decoded, parts).ifPresent(e -> {
                throw e;
            });
            List<Prepared> events = prepare(envelope, decoded);
            List<Router.Target> raw = decoded instanceof DecodeResult.Unmapped
                    ? router.get().map(r -> r.passthroughTargets(envelope)).orElse(List.of()) : List.of();
            if (required == RouteRequirement.ROUTE && decoded instanceof DecodeResult.Unmapped u && raw.isEmpty()) {
                throw refusals.noRoute(envelope, "unmapped " + u.messageType(), "a route with passthrough=true");
            }
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
            return submit(batch -> write(batch, envelope, prepared, decoded, events, raw, fields, parts, required), 1);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e instanceof IntakeRefusedException ? e
                    : new IntakeRefusedException(IntakeRefusedException.Reason.PAYLOAD_NOT_DURABLE, e.getMessage(), e));
        }
    }

    /** RECEIVED + RESPONSE of an exchange Holdfast made, one commit; never routed, so never refused for want of a route. */
    @Override
    public CompletionStage<IntakeReceipt> recordExchange(Envelope envelope, Payload payload, String systemId,
                                                         Optional<io.holdfast.api.spi.CredentialIdentity> identity, String detail) {
        if (!open) {
            return CompletableFuture.failedFuture(new IntakeRefusedException(IntakeRefusedException.Reason.SHUTTING_DOWN,
                    "Holdfast is stopping; try again"));
        }
        try {
            PreparedPayload prepared = writer.prepare(payload);
            return submit(batch -> {
                long id = batch.addMessage(envelope, Optional.of(prepared.write(batch)));
                batch.addStage(id, Stage.RESPONSE, systemId, identity, detail, Optional.empty(), "");
                return new IntakeReceipt(id, false, List.of());
            }, 1);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e instanceof IntakeRefusedException ? e
                    : new IntakeRefusedException(IntakeRefusedException.Reason.PAYLOAD_NOT_DURABLE, e.getMessage(), e));
        }
    }

    /**
     * Refusal when routing is required but not running: without the Router or its outbox
     * participant, an accepted event could never be scheduled for delivery.
     */
    private Optional<IntakeRefusedException> routingUnavailable(RouteRequirement required, DecodeResult decoded,
                                                                List<IntakeParticipant> parts) {
        if (required == RouteRequirement.NONE || decoded instanceof DecodeResult.Rejected) {
            return Optional.empty();
        }
        if (router.get().isEmpty() || parts.isEmpty()) {
            return Optional.of(new IntakeRefusedException(IntakeRefusedException.Reason.ROUTING_UNAVAILABLE,
                    "routing is not running (" + (router.get().isEmpty() ? "no Router" : "no outbox participant")
                            + "); nothing was stored; the sender should retry"));
        }
        return Optional.empty();
    }

    /**
     * Submits the batch task; a deadlock victim or lock timeout (the batch was rolled back, nothing
     * is stored) is submitted again, so a lock conflict elsewhere never reaches the sender as a NAK.
     */
    private CompletionStage<IntakeReceipt> submit(io.holdfast.journal.writer.BatchTask<WriteBatch, IntakeReceipt> task, int attempt) {
        return writer.submit(task).handle((receipt, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(receipt);
            }
            if (attempt < DEADLOCK_TRIES && open && isDeadlockVictim(error)) {
                return submit(task, attempt + 1);
            }
            return CompletableFuture.<IntakeReceipt>failedFuture(error instanceof java.util.concurrent.CompletionException
                    && error.getCause() != null ? error.getCause() : error);
        }).thenCompose(stage -> stage);
    }

    /** SQLState 40001 (deadlock victim) or Derby's 40XL1/40XL2 (lock timeout) anywhere in the cause chain. */
    static boolean isDeadlockVictim(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof java.sql.SQLException e && e.getSQLState() != null
                    && (e.getSQLState().equals("40001") || e.getSQLState().startsWith("40XL"))) {
                return true;
            }
        }
        return false;
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
                                List<IntakeParticipant> parts, RouteRequirement required) throws java.sql.SQLException {
        // Claims first: a new event no route matches refuses the message before its payload is written.
        List<ClaimOutcome> outcomes = claim(batch, env, events, required);
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
        List<EventRecord> records = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Prepared p = events.get(i);
            records.add(new EventRecord(p.event().type(), p.keyDigest(), p.nhsDigest(), outcomes.get(i)));
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

    /**
     * Claims each event's natural key. With {@link RouteRequirement#ROUTE}, a new or amended event
     * that no route matches fails the task, so the batch rolls back its claim and nothing of the
     * message is stored; a duplicate or stale event needs no route (nothing is delivered for it).
     */
    private List<ClaimOutcome> claim(WriteBatch batch, Envelope env, List<Prepared> events, RouteRequirement required) {
        List<ClaimOutcome> outcomes = new ArrayList<>(events.size());
        for (Prepared p : events) {
            ClaimOutcome c = claims.claim(batch, p.event(), p.keyDigest(), p.contentDigest(), env.messageId());
            if (required == RouteRequirement.ROUTE && c.routable() && p.targets().isEmpty()) {
                throw refusals.noRoute(env, p.event().type() + " (" + c + ")", "a route for this source and event type");
            }
            outcomes.add(c);
        }
        return outcomes;
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
