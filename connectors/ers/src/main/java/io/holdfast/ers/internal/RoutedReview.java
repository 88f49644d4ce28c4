package io.holdfast.ers.internal;

import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.ErsResult;
import io.holdfast.ers.ReviewOutcome;
import io.holdfast.ers.Ubrn;
import io.holdfast.ers.internal.config.ErsRole;
import io.holdfast.ers.internal.transport.ErsAuth;
import java.util.Optional;

/**
 * A review outcome delivered for the routing outbox: to the target inventory entry, with the credentials the dispatcher
 * obtained from the entry's auth provider (an outbox delivery is unattended: no user to exchange a CIS2 token for), the
 * system's role headers, X-Request-ID derived from the outbox row's request id, X-Correlation-ID the dispatcher's.
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

    public Optional<String> rejectReason(String systemId) {
        return calls.role(systemId).flatMap(ErsRole::rejectReasonCode);
    }

    public ErsResult<ErsReferral> deliver(OutboundRequest request, Ubrn ubrn, ReviewOutcome outcome) {
        ErsCalls.Access access = calls.routedAccess(request.target(), ErsAuth.fixed(request.auth()));
        Optional<String> correlation = request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Correlation-ID"))
                .map(java.util.Map.Entry::getValue).findFirst();
        return client.reviews().run(access, ubrn, outcome, ErsCalls.derivedRequestId(request.requestId(), "review"), correlation,
                request.attempt() > 1);
    }
}
