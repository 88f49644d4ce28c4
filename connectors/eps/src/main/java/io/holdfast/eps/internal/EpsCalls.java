package io.holdfast.eps.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.eps.CallContext;
import io.holdfast.eps.EpsResult;
import io.holdfast.eps.internal.transport.AuthProviders;
import io.holdfast.eps.internal.transport.EpsAnswer;
import io.holdfast.eps.internal.transport.EpsAuth;
import io.holdfast.eps.internal.transport.EpsCallJournal;
import io.holdfast.eps.internal.transport.EpsHttp;
import io.holdfast.eps.internal.transport.EpsRetries;
import io.holdfast.eps.internal.transport.Issues;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One journaled direct call: looks the EPS system up in the inventory, picks credentials, sends with retries (one new
 * X-Request-ID per logical call, the same on each of its attempts) and journals the answer before it is returned. A
 * journal refusal makes the call {@code JOURNAL_UNAVAILABLE}: an unjournaled answer is never used.
 */
final class EpsCalls {
    private final Inventory inventory;
    private final String systemId;
    private final AuthProviders auth;
    private final EpsRetries retries;
    private final EpsCallJournal journal;

    EpsCalls(Inventory inventory, String systemId, AuthProviders auth, EpsRetries retries, EpsCallJournal journal) {
        this.inventory = inventory;
        this.systemId = systemId;
        this.auth = auth;
        this.retries = retries;
        this.journal = journal;
    }

    Optional<DownstreamSystem> system() {
        return inventory.find(systemId);
    }

    /** {@code prescribing}: user-restricted in EPS; the caller's CIS2 ID token is used when given. */
    EpsResult send(String operation, String path, String subject, byte[] body, CallContext context, boolean prescribing) {
        DownstreamSystem system;
        try {
            system = inventory.require(systemId);
        } catch (HoldfastException e) {
            return new EpsResult.Failed("NO_SYSTEM", "no inventory entry '" + systemId + "' (holdfast:system-add, PID io.holdfast.eps systemId)", false);
        }
        Optional<EpsAuth> credentials = prescribing && context.cis2IdToken().isPresent()
                ? auth.user(system, context.cis2IdToken().get()) : auth.application(system);
        if (credentials.isEmpty()) {
            return new EpsResult.Failed("AUTH_FAILED", "no " + (prescribing && context.cis2IdToken().isPresent() ? "CIS2 token exchange"
                    : "auth provider for " + system.authPattern()) + " is registered", true);
        }
        String requestId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Request-ID", requestId);
        headers.put("X-Correlation-ID", context.correlationId());
        EpsRetries.Outcome outcome = retries.call(EpsHttp.resolve(system.endpoint(), path), body, headers, credentials.get());
        EpsResult result = result(outcome.answer());
        String detail = "POST " + path + " " + subject + " -> " + heard(outcome.answer()) + " (request " + requestId + ", "
                + outcome.attempts() + " attempt" + (outcome.attempts() == 1 ? "" : "s") + ", " + credentials.get().kind()
                + ", for " + context.requestedBy() + ")";
        byte[] answer = outcome.answer() instanceof EpsAnswer.Answered a ? a.body() : new byte[0];
        Optional<String> refused = journal.record(new EpsCallJournal.Call(system.id(), operation, subject, requestId, context.correlationId(),
                answer, outcome.identity(), detail));
        return refused.<EpsResult>map(why -> new EpsResult.Failed("JOURNAL_UNAVAILABLE", why, true)).orElse(result);
    }

    static EpsResult result(EpsAnswer answer) {
        if (answer instanceof EpsAnswer.Unanswered u) {
            boolean auth = u.reason().startsWith("AUTH_FAILED");
            return new EpsResult.Failed(auth ? "AUTH_FAILED" : "UNREACHABLE", u.reason(), u.retryable());
        }
        EpsAnswer.Answered a = (EpsAnswer.Answered) answer;
        Issues issues = Issues.of(a.body());
        if (a.status() >= 200 && a.status() < 300) {
            return new EpsResult.Done(a.status(), issues.summary(), new String(a.body(), StandardCharsets.UTF_8));
        }
        if (a.status() == 429) {
            return new EpsResult.Failed("TOO_MANY_REQUESTS", "EPS throttled the call (HTTP 429) on every attempt", true);
        }
        if (a.status() >= 500 || a.status() == 408) {
            return new EpsResult.Failed("SERVER_ERROR", "EPS answered HTTP " + a.status() + " on every attempt: " + issues.summary(), true);
        }
        return new EpsResult.Refused(a.status(), issues.firstCode(), issues.summary());
    }

    private static String heard(EpsAnswer answer) {
        if (answer instanceof EpsAnswer.Unanswered u) {
            return "no answer (" + u.reason() + ")";
        }
        EpsAnswer.Answered a = (EpsAnswer.Answered) answer;
        return "HTTP " + a.status() + ": " + Issues.of(a.body()).summary();
    }
}
