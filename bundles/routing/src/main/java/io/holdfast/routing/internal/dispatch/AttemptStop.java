package io.holdfast.routing.internal.dispatch;

/** Ends an attempt early with a known outcome (a missing service, an unencodable event). */
final class AttemptStop extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient AttemptOutcome outcome;

    private AttemptStop(AttemptOutcome outcome, String message) {
        super(message, null, false, false);
        this.outcome = outcome;
    }

    static AttemptStop waiting(String reason) {
        return new AttemptStop(new AttemptOutcome.Waiting(reason), reason);
    }

    static AttemptStop targetInvalid(String reason) {
        return new AttemptStop(new AttemptOutcome.TargetInvalid(reason), reason);
    }

    static AttemptStop unsendable(String reason) {
        return new AttemptStop(new AttemptOutcome.Unsendable(reason), reason);
    }

    AttemptOutcome outcome() {
        return outcome;
    }
}
