package io.holdfast.ers.internal.route;

import io.holdfast.api.event.Referral;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.ers.CallFailure;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.ErsResult;
import io.holdfast.ers.ReviewOutcome;
import io.holdfast.ers.Ubrn;
import io.holdfast.ers.internal.RoutedReview;
import io.holdfast.ers.internal.codec.ErsStu3Codec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Route target {@value #TRANSPORT} (an inventory entry with transport ERS, format ERS:STU3, auth NONE: the calls go
 * out through the e-RS system of PID io.holdfast.ers with its own credentials, as PDS_CHECK does for PDS): a routed
 * canonical {@link Referral} (from any inbound connector, encoded by the {@code ERS:STU3} codec) becomes e-RS's review
 * operation for its status — {@code accepted} → A013 accept,
 * {@code rejected} → A014 reject with the system's configured rejection reason. The operation's X-Request-ID is derived
 * from the outbox row's request id (natural key, content digest, target), so every retry and a delivery after a restart
 * send the same one. e-RS's 4xx business refusals are Permanent (dead letter with e-RS's code and diagnostics);
 * 429, 5xx, timeouts and a journal that cannot commit are Transient (with Retry-After); an outcome already in place is
 * Acknowledged once, never applied twice.
 */
public final class ErsTransport implements OutboundTransport {
    public static final String TRANSPORT = "ERS";
    private final ErsStu3Codec codec;
    private final Supplier<RoutedReview> reviews;

    public ErsTransport(ErsStu3Codec codec, Supplier<RoutedReview> reviews) {
        this.codec = codec;
        this.reviews = reviews;
    }

    @Override
    public String transport() {
        return TRANSPORT;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        Referral referral;
        try {
            referral = referral(request);
        } catch (IllegalStateException e) {
            return new DeliveryResult.Permanent(e.getMessage(), Optional.empty());
        }
        RoutedReview review = reviews.get();
        Optional<ReviewOutcome> outcome;
        try {
            outcome = outcome(referral, review.rejectReason(), review.systemId());
        } catch (IllegalStateException e) {
            return new DeliveryResult.Permanent(e.getMessage(), Optional.empty());
        }
        if (outcome.isEmpty()) {
            return new DeliveryResult.Permanent("referral status '" + referral.status() + "' has no e-RS operation (an ERS target takes "
                    + "referrals with status accepted or rejected); nothing was sent", Optional.empty());
        }
        ErsResult<ErsReferral> result = review.deliver(request, new Ubrn(referral.ubrn()), outcome.get());
        return delivery(outcome.get(), referral.ubrn(), result);
    }

    static DeliveryResult delivery(ReviewOutcome outcome, String ubrn, ErsResult<ErsReferral> result) {
        String what = "e-RS " + outcome.kind() + " of referral " + ubrn;
        if (result instanceof ErsResult.Done<ErsReferral> d) {
            return new DeliveryResult.Acknowledged(what + ": " + d.value().state().orElse("state not given") + " v" + d.value().versionId()
                    + (d.alreadyDone() ? " (already in place: an earlier attempt of this request was applied; not sent again)" : ""),
                    Optional.empty());
        }
        if (result instanceof ErsResult.Refused<ErsReferral> r) {
            if (r.status() == 401 || r.status() == 429 || r.status() == 408) {
                return new DeliveryResult.Transient(what + " not done: " + r.line(), Optional.empty());
            }
            return new DeliveryResult.Permanent(what + " not done: " + r.line(), Optional.empty());
        }
        CallFailure f = ((ErsResult.Failed<ErsReferral>) result).failure();
        String reason = what + " not done: " + f.code() + " " + f.reason();
        return f.retryable() ? new DeliveryResult.Transient(reason, f.retryAfter()) : new DeliveryResult.Permanent(reason, Optional.empty());
    }

    static Optional<ReviewOutcome> outcome(Referral referral, Optional<String> configuredReason, String ersSystem) {
        String status = referral.status().trim().toLowerCase(Locale.ROOT);
        return switch (status) {
            case "accepted", "accept" -> Optional.of(ReviewOutcome.accept());
            case "rejected", "reject" -> Optional.of(ReviewOutcome.reject(configuredReason.orElseThrow(() -> new IllegalStateException(
                    "referral " + referral.ubrn() + " is to be rejected but e-RS system '" + ersSystem + "' has no rejectReasonCode (io.holdfast.ers.role-"
                            + ersSystem + ".cfg); e-RS requires a reason; nothing was sent")), "Rejected by the provider's system (Holdfast route)"));
            default -> Optional.empty();
        };
    }

    private Referral referral(OutboundRequest request) {
        byte[] bytes;
        try (InputStream in = request.body().open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the routed body could not be read (" + e.getClass().getSimpleName() + ")");
        }
        Envelope envelope = Envelope.of(request.requestId(), request.target().id(), "ers:" + request.target().id(), request.target().format());
        DecodeResult decoded = codec.decode(bytes, envelope, new FieldTrail());
        if (decoded instanceof DecodeResult.Decoded d && d.events().get(0) instanceof Referral r) {
            return r;
        }
        String why = decoded instanceof DecodeResult.Rejected r ? r.code() + ": " + r.reason() : "no referral in it";
        throw new IllegalStateException("the routed body is not an " + ErsStu3Codec.FORMAT + " referral (" + why
                + "); give system '" + request.target().id() + "' format " + ErsStu3Codec.FORMAT);
    }
}
