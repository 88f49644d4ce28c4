package io.holdfast.idempotency.api;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.journal.api.WriteBatch;

/**
 * Claims natural keys inside a journal batch, so the claim commits with the journal rows and
 * outbox rows of the same message. Within a batch, claims are resolved in submission order (a
 * retry arriving in the same batch as the original is a DUPLICATE).
 */
public interface Claims {

    /**
     * @param keyDigest keyed digest of {@code event.key().token()} (the journal writer's digest)
     */
    default ClaimOutcome claim(WriteBatch batch, ClinicalEvent event, String keyDigest, String messageId) {
        return claim(batch, event, keyDigest, event.digest().hex(), messageId);
    }

    /**
     * As {@link #claim(WriteBatch, ClinicalEvent, String, String)} with the content digest computed
     * beforehand (off the writer thread: it walks the whole event).
     *
     * @param contentDigest {@code event.digest().hex()}
     */
    ClaimOutcome claim(WriteBatch batch, ClinicalEvent event, String keyDigest, String contentDigest, String messageId);
}
