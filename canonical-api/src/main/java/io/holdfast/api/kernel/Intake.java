package io.holdfast.api.kernel;

import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import java.util.concurrent.CompletionStage;

/**
 * The only way inbound data enters Holdfast. A single writer batches what has queued and, in one
 * transaction per batch, journals the message (RECEIVED, TRANSFORMED or REJECTED, ROUTED),
 * claims idempotency keys and writes outbox rows; the returned stage completes after the commit.
 *
 * <p>Connectors acknowledge their sender only when the stage completes normally. It completes
 * exceptionally with {@link io.holdfast.api.error.IntakeRefusedException} when nothing was stored
 * (back-pressure, store down, shutting down): answer negatively so the sender retries.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Intake {

    CompletionStage<IntakeReceipt> accept(Envelope envelope, Payload payload, DecodeResult decoded, FieldTrail trail);
}
