package io.holdfast.eps.internal.transport;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.CredentialIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Journals one direct EPS call before its result is returned, in one durable commit ({@link Intake#recordExchange}):
 * the answer (encrypted like every payload) as message {@code eps:<operation>:<prescription id>:<X-Request-ID>} on
 * channel {@code eps:<operation>}, source system = the EPS inventory id, and a RESPONSE stage with the credential
 * identity and a PHI-free detail ({@code POST /$process-message dispense-notification 7E2B1A-A83008-4F21CK -> HTTP 200:
 * information informational (request <id>, 1 attempt, application)}). A refusal by the journal fails the call.
 */
public final class EpsCallJournal {
    public static final String PREFIX = "eps:";
    private final Intake intake;
    private final Clock clock;
    private final Duration wait;

    public EpsCallJournal(Intake intake, Clock clock, Duration wait) {
        this.intake = intake;
        this.clock = clock;
        this.wait = wait;
    }

    public record Call(String systemId, String operation, String subject, String requestId, String correlationId, byte[] answer,
                       Optional<CredentialIdentity> identity, String detail) {
    }

    /** @return empty when durable, else why not (one line) */
    public Optional<String> record(Call call) {
        Envelope envelope = new Envelope(PREFIX + call.operation() + ":" + call.subject() + ":" + call.requestId(), Optional.of(call.correlationId()),
                call.systemId(), PREFIX + call.operation(), clock.instant(), WireFormat.fhirR4(), Map.of());
        try {
            intake.recordExchange(envelope, Payload.of(call.answer()), call.systemId(), call.identity(), call.detail())
                    .toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Optional.of("EPS answered but the call could not be journaled (" + (cause instanceof IntakeRefusedException r
                    ? r.getMessage() : cause.getClass().getSimpleName()) + "); the answer was not used");
        } catch (TimeoutException e) {
            return Optional.of("the journal did not confirm the EPS call within " + wait + "; the answer was not used");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while journaling the EPS call");
        } catch (RuntimeException e) {
            return Optional.of("the EPS call could not be journaled (" + e.getClass().getSimpleName() + ")");
        }
    }
}
