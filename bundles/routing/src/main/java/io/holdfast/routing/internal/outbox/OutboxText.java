package io.holdfast.routing.internal.outbox;

import io.holdfast.keys.api.MasterKeys;
import io.holdfast.keys.api.SealedText;

/**
 * The outbox's free text, an outbox row's {@code last_error} and a dead letter's {@code reason}, can
 * quote a patient (a downstream's error echoing a demographics field), so it is stored sealed like
 * the journal's stage detail ({@link SealedText}, master PAYLOAD key), bound to its row: the outbox id,
 * and for a dead letter also its {@code dead_at} (the key of that table). Clear text is cut to
 * {@value SealedText#BUDGET_FOR_1000} UTF-8 bytes so the sealed form fits the 1000-character columns.
 * Rows written in clear before this have no prefix and read as they are.
 */
public final class OutboxText {
    private final MasterKeys keys;

    public OutboxText(MasterKeys keys) {
        this.keys = keys;
    }

    String sealLastError(long outboxId, String text) {
        return SealedText.seal(keys, text, SealedText.BUDGET_FOR_1000, lastErrorBinding(outboxId));
    }

    String openLastError(long outboxId, String stored) {
        return SealedText.open(keys, stored, lastErrorBinding(outboxId));
    }

    String sealReason(long outboxId, long deadAt, String text) {
        return SealedText.seal(keys, text, SealedText.BUDGET_FOR_1000, reasonBinding(outboxId, deadAt));
    }

    String openReason(long outboxId, long deadAt, String stored) {
        return SealedText.open(keys, stored, reasonBinding(outboxId, deadAt));
    }

    private static String lastErrorBinding(long outboxId) {
        return "routing_outbox.last_error:" + outboxId;
    }

    private static String reasonBinding(long outboxId, long deadAt) {
        return "routing_dead_letter.reason:" + outboxId + ":" + deadAt;
    }
}
