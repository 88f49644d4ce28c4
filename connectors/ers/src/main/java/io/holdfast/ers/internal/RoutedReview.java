package io.holdfast.ers.internal;

import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.ErsResult;
import io.holdfast.ers.ReviewOutcome;
import io.holdfast.ers.Ubrn;
import io.holdfast.ers.internal.config.ErsRole;
import java.util.Optional;

/**
 * A review outcome delivered for the routing outbox: through the same e-RS client and journal as every other call, to
 * the e-RS inventory system (PID io.holdfast.ers, key systemId) with its application credentials (an outbox delivery is
 * unattended: there is no user whose CIS2 token could be exchanged) and its role headers, X-Request-ID derived from the
 * outbox row's request id, X-Correlation-ID the dispatcher's.
 */
public final class RoutedReview {
    private final ErsClient client;
    private final ErsCalls calls;

    RoutedReview(ErsClient client, ErsCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    public static RoutedReview of(ErsClient client) {
        return new RoutedReview(client, client.calls());
    }

    /** The e-RS system's configured rejection reason (its io.holdfast.ers.role-<id>.cfg). */
    public Optional<String> rejectReason() {
        return calls.role(calls.settings().systemId()).flatMap(ErsRole::rejectReasonCode);
    }

    public String systemId() {
        return calls.settings().systemId();
    }

    public ErsResult<ErsReferral> deliver(OutboundRequest request, Ubrn ubrn, ReviewOutcome outcome) {
        ErsResult<ErsCalls.Access> routed = calls.routedAccess();
        if (!(routed instanceof ErsResult.Done<ErsCalls.Access> d)) {
            return ErsCalls.same(routed);
        }
        ErsCalls.Access access = d.value();
        Optional<String> correlation = request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Correlation-ID"))
                .map(java.util.Map.Entry::getValue).findFirst();
        return client.reviews().run(access, ubrn, outcome, ErsCalls.derivedRequestId(request.requestId(), "review"), correlation,
                request.attempt() > 1);
    }
}
