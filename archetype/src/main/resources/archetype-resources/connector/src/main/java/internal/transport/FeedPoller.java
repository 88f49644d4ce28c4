package ${package}.internal.transport;

import ${package}.internal.ConnectorNames;
import ${package}.internal.codec.AppointmentCodec;
import ${package}.internal.config.FeedSettings;
import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.EventOutcome;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One pass over the remote outbox: fetch each waiting message, decode it, hand it to Intake and acknowledge it to
 * the booking system only after Intake has made it durable. A message Intake refused, or whose acknowledgement
 * failed, stays in the outbox and comes again; Intake's idempotency claim turns that second copy into a duplicate.
 */
public final class FeedPoller {
    private final FeedSettings settings;
    private final FeedClient client;
    private final AppointmentCodec codec;
    private final Intake intake;
    private final Duration intakeTimeout;
    private final Clock clock;

    public FeedPoller(FeedSettings settings, FeedClient client, AppointmentCodec codec, Intake intake, Duration intakeTimeout,
                      Clock clock) {
        this.settings = settings;
        this.client = client;
        this.codec = codec;
        this.intake = intake;
        this.intakeTimeout = intakeTimeout;
        this.clock = clock;
    }

    /** Polls once; never two passes of one feed at the same time (the schedule and the shell share it). */
    public synchronized PollResult pollOnce() {
        int listed = 0;
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        try {
            for (String messageId : client.waiting(settings.maxMessagesPerPoll())) {
                listed++;
                IntakeReceipt receipt = admit(messageId, client.fetch(messageId));
                client.acknowledge(messageId);
                if (receipt.rejected()) {
                    rejected++;
                } else if (receipt.events().stream().map(EventOutcome::claim).allMatch(c -> c == ClaimOutcome.DUPLICATE)) {
                    duplicates++;
                } else {
                    accepted++;
                }
            }
            return new PollResult(listed, accepted, duplicates, rejected, Optional.empty());
        } catch (HoldfastException e) {
            return new PollResult(listed, accepted, duplicates, rejected, Optional.of(e.describe()));
        }
    }

    private IntakeReceipt admit(String messageId, byte[] body) {
        Envelope envelope = new Envelope(messageId, Optional.empty(), settings.sourceSystem(),
                ConnectorNames.channel(settings.name()), clock.instant(), AppointmentCodec.FORMAT, Map.of("feed", settings.name()));
        FieldTrail trail = new FieldTrail();
        DecodeResult decoded = codec.decode(body, envelope, trail);
        try {
            return intake.accept(envelope, Payload.of(body), decoded, trail).toCompletableFuture()
                    .get(intakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof HoldfastException h ? h
                    : new HoldfastException(ErrorCode.INTAKE_REFUSED, "Intake failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            // Not acknowledged, so the booking system keeps it; if Intake commits it after all, the next copy is a duplicate.
            throw new HoldfastException(ErrorCode.INTAKE_REFUSED,
                    "Intake did not confirm message " + messageId + " within " + intakeTimeout.toSeconds() + " s; left in the outbox");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HoldfastException(ErrorCode.INTAKE_REFUSED, "interrupted; message " + messageId
                    + " left in the outbox");
        }
    }
}
