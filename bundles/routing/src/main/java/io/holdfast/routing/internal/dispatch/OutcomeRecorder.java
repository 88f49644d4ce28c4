package io.holdfast.routing.internal.dispatch;

import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.journal.api.PreparedPayload;
import io.holdfast.journal.api.WriteBatch;
import io.holdfast.routing.internal.outbox.OutboxChanges;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.OutboxStore;
import io.holdfast.routing.internal.outbox.TargetMonitor;
import io.holdfast.routing.internal.route.RetryPolicy;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals an attempt (SENT with the bytes and credential identity, RESPONSE, ACKED or
 * DEAD_LETTER) and moves its outbox row, in one journal batch, so the journal and the outbox never
 * disagree about what happened. Payloads are sealed on the calling thread, not the writer's.
 */
final class OutcomeRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);
    private static final String AWAITING = "awaiting outcome: ";
    private final JournalWriter writer;
    private final OutboxStore store;
    private final TargetMonitor monitor;
    private final long waitRetryMs;

    OutcomeRecorder(JournalWriter writer, OutboxStore store, TargetMonitor monitor, long waitRetryMs) {
        this.writer = writer;
        this.store = store;
        this.monitor = monitor;
        this.waitRetryMs = waitRetryMs;
    }

    CompletableFuture<?> record(OutboxRow row, AttemptOutcome outcome, RetryPolicy policy) {
        long now = System.currentTimeMillis();
        if (outcome instanceof AttemptOutcome.Waiting w) {
            monitor.waiting(row.target(), w.reason());
            return writer.submit(batch -> {
                OutboxChanges.in(batch, store).waitFor(row, now + waitRetryMs, w.reason());
                return null;
            });
        }
        AtomicReference<String> dead = new AtomicReference<>();
        if (outcome instanceof AttemptOutcome.TargetInvalid v) {
            return targetInvalid(row, v.reason(), policy, now, dead);
        }
        if (outcome instanceof AttemptOutcome.Unsendable u) {
            return writer.submit(batch -> {
                deadLetter(batch, row, "not sendable: " + u.reason(), dead);
                return null;
            }).thenRun(() -> {
                monitor.finished(row.target());
                alert(row, dead.get());
            });
        }
        AttemptOutcome.Sent sent = (AttemptOutcome.Sent) outcome;
        monitor.deliverable(row.target());
        Optional<PreparedPayload> body = sent.tracking() ? Optional.empty() : Optional.of(writer.prepare(sent.body()));
        Optional<PreparedPayload> response = response(sent.result()).map(writer::prepare);
        boolean closes = closes(row, sent.result(), policy);
        return writer.submit(batch -> {
            dead.set(null);
            body.ifPresent(b -> sentStage(batch, row, sent.credential(), b.write(batch)));
            result(batch, row, sent, response.map(r -> r.write(batch)), policy, dead);
            return null;
        }).thenRun(() -> {
            if (closes) {
                monitor.finished(row.target());
            }
            alert(row, dead.get());
        });
    }

    /** Retried with the route's backoff (the attempt counts); dead-lettered once the route's attempts are spent. */
    private CompletableFuture<?> targetInvalid(OutboxRow row, String reason, RetryPolicy policy, long now,
                                               AtomicReference<String> dead) {
        monitor.waiting(row.target(), reason);
        boolean exhausted = policy.exhausted(row.attempts());
        return writer.submit(batch -> {
            if (exhausted) {
                deadLetter(batch, row, "gave up after " + row.attempts() + " attempts: " + reason, dead);
            } else {
                OutboxChanges.in(batch, store).retry(row, now + policy.delayMs(row.attempts(), Optional.empty()), reason);
            }
            return null;
        }).thenRun(() -> {
            if (exhausted) {
                monitor.finished(row.target());
                alert(row, dead.get());
            }
        });
    }

    /**
     * A dead letter needs a person: WARN and the target's status. Ids only: the reason is the
     * downstream's own text (an ACK's error, a MESH description), which may name a patient, so it
     * stays in the journal and {@code holdfast:deadletters}.
     */
    private void alert(OutboxRow row, String reason) {
        if (reason != null) {
            LOG.warn("Outbox row {} (journal {}, route {}) to {} dead-lettered; reason: holdfast:deadletters --target {}, "
                    + "then holdfast:replay {}", row.id(), row.journalId(), row.routeId(), row.target(), row.target(), row.id());
            monitor.deadLettered(row.target());
        }
    }

    private void result(WriteBatch batch, OutboxRow row, AttemptOutcome.Sent sent, Optional<PayloadInfo> response,
                        RetryPolicy policy, AtomicReference<String> dead) {
        long now = System.currentTimeMillis();
        OutboxChanges changes = OutboxChanges.in(batch, store);
        CredentialIdentity cred = sent.credential();
        DeliveryResult result = sent.result();
        if (result instanceof DeliveryResult.Acknowledged a) {
            response.ifPresent(p -> stage(batch, row, Stage.RESPONSE, cred, "response: " + a.summary(), Optional.of(p)));
            stage(batch, row, Stage.ACKED, cred, a.summary() + " (request " + row.requestId() + ")", Optional.empty());
            changes.done(row, now);
        } else if (result instanceof DeliveryResult.Accepted a) {
            String awaiting = AWAITING + a.summary();
            if (!sent.tracking()) {
                stage(batch, row, Stage.RESPONSE, cred, "accepted, tracking " + a.trackingId() + ": " + a.summary(), Optional.empty());
            } else if (!row.lastError().map(awaiting::equals).orElse(false)) {
                // Each tracking state the downstream reports is journaled once, when it changes.
                stage(batch, row, Stage.RESPONSE, cred, "tracking " + a.trackingId() + ": " + a.summary(), Optional.empty());
            }
            changes.track(row, now + policy.initialBackoffMs(), a.trackingId(), awaiting);
        } else if (result instanceof DeliveryResult.Transient t) {
            stage(batch, row, Stage.RESPONSE, cred, "transient failure (attempt " + row.attempts() + "): " + t.reason(), response);
            if (sent.tracking()) {
                changes.track(row, now + policy.delayMs(1, t.retryAfter()), row.trackingId().orElseThrow(), t.reason());
            } else if (policy.exhausted(row.attempts())) {
                deadLetter(batch, row, "gave up after " + row.attempts() + " attempts: " + t.reason(), dead);
            } else {
                changes.retry(row, now + policy.delayMs(row.attempts(), t.retryAfter()), t.reason());
            }
        } else if (result instanceof DeliveryResult.Permanent p) {
            stage(batch, row, Stage.RESPONSE, cred, "permanent failure: " + p.reason(), response);
            deadLetter(batch, row, "permanent failure: " + p.reason(), dead);
        }
    }

    /** True if this result takes the row out of the open states (for the depth count). */
    private static boolean closes(OutboxRow row, DeliveryResult result, RetryPolicy policy) {
        if (result instanceof DeliveryResult.Transient) {
            return row.trackingId().isEmpty() && policy.exhausted(row.attempts());
        }
        return result instanceof DeliveryResult.Acknowledged || result instanceof DeliveryResult.Permanent;
    }

    private static Optional<Payload> response(DeliveryResult result) {
        if (result instanceof DeliveryResult.Acknowledged a) {
            return a.response();
        }
        return result instanceof DeliveryResult.Permanent p ? p.response() : Optional.empty();
    }

    private static void sentStage(WriteBatch batch, OutboxRow row, CredentialIdentity cred, PayloadInfo body) {
        stage(batch, row, Stage.SENT, cred, "request " + row.requestId() + " attempt " + row.attempts() + " route "
                + row.routeId() + " outbox " + row.id(), Optional.of(body));
    }

    private void deadLetter(WriteBatch batch, OutboxRow row, String reason, AtomicReference<String> dead) {
        dead.set(reason);
        stage(batch, row, Stage.DEAD_LETTER, null, reason + " (outbox " + row.id() + ")", Optional.empty());
        OutboxChanges.in(batch, store).deadLetter(row, System.currentTimeMillis(), reason);
    }

    private static void stage(WriteBatch batch, OutboxRow row, Stage stage, CredentialIdentity cred, String detail,
                              Optional<PayloadInfo> payload) {
        batch.addStage(row.journalId(), stage, row.target(), Optional.ofNullable(cred), detail, payload, "");
    }
}
