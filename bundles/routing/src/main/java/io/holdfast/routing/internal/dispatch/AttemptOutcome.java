package io.holdfast.routing.internal.dispatch;

import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.api.spi.DeliveryResult;
import java.util.Objects;

/** What one go at an outbox row came to. */
public sealed interface AttemptOutcome permits AttemptOutcome.Waiting, AttemptOutcome.TargetInvalid, AttemptOutcome.Unsendable,
        AttemptOutcome.Sent {

    /** Nothing was sent: a service or inventory entry the delivery needs is missing. The row waits; the attempt does not count. */
    record Waiting(String reason) implements AttemptOutcome {
        public Waiting {
            Objects.requireNonNull(reason);
        }
    }

    /**
     * Nothing was sent: the inventory reports the target invalid ({@code Inventory.problems}, e.g. no
     * auth provider for its pattern). It may be fixed soon (a provider still starting), so the attempt
     * counts: retried with the route's backoff, dead-lettered when the route's attempts are spent.
     */
    record TargetInvalid(String reason) implements AttemptOutcome {
        public TargetInvalid {
            Objects.requireNonNull(reason);
        }
    }

    /** Nothing was sent and nothing will change that (the event cannot be expressed for the target): dead letter. */
    record Unsendable(String reason) implements AttemptOutcome {
        public Unsendable {
            Objects.requireNonNull(reason);
        }
    }

    /**
     * The transport was called ({@code deliver}, or {@code track} when {@code tracking}).
     *
     * @param body the bytes sent (journaled with SENT)
     */
    record Sent(Payload body, CredentialIdentity credential, DeliveryResult result, boolean tracking) implements AttemptOutcome {
        public Sent {
            Objects.requireNonNull(body);
            Objects.requireNonNull(credential);
            Objects.requireNonNull(result);
        }
    }
}
