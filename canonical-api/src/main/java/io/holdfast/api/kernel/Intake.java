package io.holdfast.api.kernel;

import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.CredentialIdentity;
import java.util.Optional;
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

    /**
     * Journals an exchange Holdfast itself made (an outbound query such as a PDS read or trace) before the connector
     * uses its answer: the message ({@code payload} = what may be kept of the answer) as RECEIVED and one RESPONSE
     * stage naming the system, the credential identity that made the call and {@code detail} (sealed at rest), in one
     * durable commit. Nothing is decoded, claimed or routed, so the route requirement and routing back-pressure do
     * not apply; the disk guard and shutdown refuse it like any new input ({@link io.holdfast.api.error.IntakeRefusedException}).
     *
     * <p>The default (for stand-ins such as a test's lambda; the kernel's Intake overrides it) stores nothing and
     * completes with a refusal.
     *
     * @since 1.5
     */
    default CompletionStage<IntakeReceipt> recordExchange(Envelope envelope, Payload payload, String systemId,
                                                          Optional<CredentialIdentity> identity, String detail) {
        return java.util.concurrent.CompletableFuture.failedFuture(new io.holdfast.api.error.IntakeRefusedException(
                io.holdfast.api.error.IntakeRefusedException.Reason.STORE_UNAVAILABLE,
                "this Intake does not record exchanges; nothing was stored"));
    }
}
