package io.holdfast.pds.internal.transport;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.pds.CallFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Journals one PDS call before its result is returned, in one durable commit ({@link Intake#recordExchange}): the
 * answer (sealed and encrypted like every payload; for a restricted patient only the copy without address, telecom and
 * GP) as message {@code pds:<X-Request-ID>} on channel {@code pds:<operation>}, and a RESPONSE stage recording what was
 * sent (method and path, or a search's criteria names), what came back (status, version, OperationOutcome code), what
 * it was taken as, and the credential identity that made the call. An exchange is never routed, so the production
 * route requirement ({@code require-route}) does not refuse it; a refusal (disk guard, shutdown) makes the call fail
 * as {@code JOURNAL_UNAVAILABLE}, never return unjournaled.
 */
public final class PdsCallJournal {
    public static final String CHANNEL_PREFIX = "pds:";
    private final Intake intake;
    private final Clock clock;
    private final Duration wait;

    public PdsCallJournal(Intake intake, Clock clock, Duration wait) {
        this.intake = intake;
        this.clock = clock;
        this.wait = wait;
    }

    /** What to journal about one call. {@code kept} is the body as it may be stored (restricted fields removed). */
    public record Call(String systemId, String operation, PdsRequest request, PdsAnswer answer, Optional<byte[]> kept, String outcome) {
    }

    /** @return empty when durable, else why not */
    public Optional<CallFailure> record(Call call) {
        Envelope envelope = new Envelope(CHANNEL_PREFIX + call.request().requestId(), call.request().correlationId(), call.systemId(),
                CHANNEL_PREFIX + call.operation(), clock.instant(), WireFormat.fhirR4(), Map.of());
        try {
            intake.recordExchange(envelope, Payload.of(call.kept().orElse(new byte[0])), call.systemId(),
                    call.answer().identity(), detail(call)).toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause instanceof IntakeRefusedException r ? r.getMessage() : cause.getClass().getSimpleName();
            return Optional.of(new CallFailure("JOURNAL_UNAVAILABLE", "PDS answered but the call could not be journaled (" + why
                    + "); the answer was not used, try again", true));
        } catch (TimeoutException e) {
            return Optional.of(new CallFailure("JOURNAL_UNAVAILABLE", "the journal did not confirm the PDS call within " + wait
                    + "; the answer was not used, try again", true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new CallFailure("INTERRUPTED", "interrupted while journaling the PDS call", true));
        } catch (RuntimeException e) {
            return Optional.of(new CallFailure("JOURNAL_UNAVAILABLE", "the PDS call could not be journaled (" + e.getClass().getSimpleName()
                    + "); the answer was not used", true));
        }
    }

    /** {@code GET /Patient/9000000009 -> 200 W/"2": found v2 U (request <id>, 1 attempt)}; stage details are sealed at rest. */
    static String detail(Call call) {
        String received = call.answer() instanceof PdsAnswer.Answered a
                ? "HTTP " + a.status() + a.etag().map(e -> " " + e).orElse("")
                : "no answer (" + ((PdsAnswer.Unanswered) call.answer()).failure().code() + ")";
        return call.request().method() + " " + call.request().journalText() + " -> " + received + ": " + call.outcome()
                + " (request " + call.request().requestId() + ", " + call.answer().attempts() + " attempt"
                + (call.answer().attempts() == 1 ? "" : "s") + ")";
    }
}
