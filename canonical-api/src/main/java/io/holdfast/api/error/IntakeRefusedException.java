package io.holdfast.api.error;

import java.util.Objects;

/**
 * Intake did not accept a message. Nothing was acknowledged to the sender; the connector answers
 * negatively (e.g. MLLP AE) so the sender keeps and retries the message.
 */
@org.osgi.annotation.versioning.ProviderType
public final class IntakeRefusedException extends HoldfastException {
    private static final long serialVersionUID = 1L;

    /** Why Intake refused. */
    public enum Reason {
        /** A target's outbox is above its configured depth. */
        BACK_PRESSURE,
        /** The store could not commit (database down, disk full). */
        STORE_UNAVAILABLE,
        /** The runtime is stopping; input is refused until it is back. */
        SHUTTING_DOWN,
        /** The payload could not be made durable (payload store write failed). */
        PAYLOAD_NOT_DURABLE,
        /**
         * Routing is not running (its bundle is stopped or still loading routes), so nothing accepted
         * now could be scheduled for delivery. Transient: the sender should retry.
         */
        ROUTING_UNAVAILABLE,
        /**
         * No route matches a new event (or, for a message no codec maps, no passthrough route matches
         * its source) and Intake requires a route: accepting it would acknowledge a message that is
         * never delivered. Needs an administrator to add a route; retrying alone does not help.
         */
        NO_ROUTE
    }

    private final Reason reason;

    public IntakeRefusedException(Reason reason, String message, Throwable cause) {
        super(ErrorCode.INTAKE_REFUSED, reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public IntakeRefusedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
