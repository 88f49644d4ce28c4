package io.holdfast.ers.internal.transport;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.ers.CallFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Journals one e-RS call before its result is used, in one durable commit ({@link Intake#recordExchange}): the answer
 * (encrypted like every payload) as message {@code ers:<X-Request-ID>} on channel {@code ers:<operation>}, and a RESPONSE
 * stage with what was sent (operation and UBRN), what came back (status, version, OperationOutcome code), what it was
 * taken as, and the credential identity. An exchange is never routed; a refusal makes the call fail as
 * {@code JOURNAL_UNAVAILABLE}, never return unjournaled.
 */
public final class ErsCallJournal {
    public static final String CHANNEL_PREFIX = "ers:";
    public static final WireFormat STU3 = new WireFormat(WireFormat.FHIR, "STU3");
    private final Intake intake;
    private final Clock clock;
    private final Duration wait;

    public ErsCallJournal(Intake intake, Clock clock, Duration wait) {
        this.intake = intake;
        this.clock = clock;
        this.wait = wait;
    }

    /** @param kept the answer as it may be stored (an attachment's bytes are not: only its size and type) */
    public record Call(String systemId, String operation, ErsRequest request, ErsAnswer answer, byte[] kept, String outcome) {
    }

    /** @return empty when durable, else why not */
    public Optional<CallFailure> record(Call call) {
        Envelope envelope = new Envelope(CHANNEL_PREFIX + call.request().requestId(), call.request().correlationId(), call.systemId(),
                CHANNEL_PREFIX + call.operation(), clock.instant(), STU3, Map.of());
        try {
            intake.recordExchange(envelope, Payload.of(call.kept()), call.systemId(), call.answer().identity(), detail(call))
                    .toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause instanceof IntakeRefusedException r ? r.getMessage() : cause.getClass().getSimpleName();
            return Optional.of(unavailable("e-RS answered but the call could not be journaled (" + why + "); the answer was not used"));
        } catch (TimeoutException e) {
            return Optional.of(unavailable("the journal did not confirm the e-RS call within " + wait + "; the answer was not used"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new CallFailure("INTERRUPTED", "interrupted while journaling the e-RS call", true));
        } catch (RuntimeException e) {
            return Optional.of(unavailable("the e-RS call could not be journaled (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private static CallFailure unavailable(String why) {
        return new CallFailure("JOURNAL_UNAVAILABLE", why + "; try again", true);
    }

    /** {@code POST $ers.acceptReferral 000000070000 -> HTTP 200 W/"10": accepted v10 (request <id>, 2 attempts)}; sealed at rest. */
    static String detail(Call call) {
        String received = call.answer() instanceof ErsAnswer.Answered a
                ? "HTTP " + a.status() + a.etag().map(e -> " " + e).orElse("")
                : "no answer (" + ((ErsAnswer.Unanswered) call.answer()).failure().code() + ")";
        int n = call.answer().attempts();
        return call.request().method() + " " + call.request().journalText() + " -> " + received + ": " + call.outcome() + " (request "
                + call.request().requestId() + ", " + n + " attempt" + (n == 1 ? "" : "s") + ")";
    }
}
