package io.holdfast.ers.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.ers.CallContext;
import io.holdfast.ers.CallFailure;
import io.holdfast.ers.ErsResult;
import io.holdfast.ers.internal.codec.OperationOutcomes;
import io.holdfast.ers.internal.config.ErsRole;
import io.holdfast.ers.internal.config.ErsRoles;
import io.holdfast.ers.internal.config.ErsSettings;
import io.holdfast.ers.internal.transport.ErsAnswer;
import io.holdfast.ers.internal.transport.ErsAuth;
import io.holdfast.ers.internal.transport.ErsAuthSources;
import io.holdfast.ers.internal.transport.ErsCallJournal;
import io.holdfast.ers.internal.transport.ErsHttpClient;
import io.holdfast.ers.internal.transport.ErsRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every e-RS call shares: the inventory entry, the credentials (application- or user-restricted), the e-RS role
 * headers of a user-restricted call, sending with retries, and journaling before the answer is used.
 */
final class ErsCalls {
    /** The credentials and headers one call goes out with. */
    record Access(DownstreamSystem system, ErsAuth auth, Map<String, String> roleHeaders) {
    }

    /** How an answer was taken: the result and the journal's one-line outcome. */
    record Taken<T>(ErsResult<T> result, String outcome, byte[] kept) {
    }

    private final ErsSettings settings;
    private final Inventory inventory;
    private final ErsAuthSources auth;
    private final ErsRoles roles;
    private final ErsHttpClient http;
    private final ErsCallJournal journal;

    ErsCalls(ErsSettings settings, Inventory inventory, ErsAuthSources auth, ErsRoles roles, ErsHttpClient http, ErsCallJournal journal) {
        this.settings = settings;
        this.inventory = inventory;
        this.auth = auth;
        this.roles = roles;
        this.http = http;
        this.journal = journal;
    }

    ErsSettings settings() {
        return settings;
    }

    Optional<ErsRole> role(String systemId) {
        return roles.find(systemId);
    }

    /** A new X-Request-ID: a random UUID, chosen once per logical call. */
    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** A stable UUID for the {@code step} of a routed delivery: the same after a retry or a restart. */
    static String derivedRequestId(String outboxRequestId, String step) {
        return UUID.nameUUIDFromBytes((outboxRequestId + "|" + step).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Access for {@code context}: user-restricted with a CIS2 ID token, else application-restricted. */
    ErsResult<Access> access(CallContext context, boolean userOnly) {
        Optional<DownstreamSystem> system = inventory.find(settings.systemId());
        if (system.isEmpty()) {
            return failed("NOT_CONFIGURED", "no inventory system '" + settings.systemId() + "' (PID io.holdfast.ers, key systemId); add it with holdfast:system-add", false);
        }
        DownstreamSystem s = system.get();
        if (context.userIdToken().isPresent()) {
            Optional<ErsAuth> user = auth.user(s, context.userIdToken().get());
            return user.<ErsResult<Access>>map(a -> new ErsResult.Done<>(new Access(s, a, roleHeaders(s)), false))
                    .orElseGet(() -> failed("AUTH_FAILED", "no CIS2 token exchange (UserTokenExchange) is registered; user-restricted calls are unavailable", true));
        }
        if (userOnly) {
            return failed("USER_RESTRICTED_ONLY", "e-RS allows this operation only user-restricted: sign in with CIS2 (a user's ID token is needed); nothing was sent", false);
        }
        return auth.application(s).<ErsResult<Access>>map(a -> new ErsResult.Done<>(new Access(s, a, Map.of()), false))
                .orElseGet(() -> failed("AUTH_FAILED", "no auth provider for pattern " + s.authPattern() + " of system '" + s.id() + "' is registered", true));
    }

    /**
     * Access for a routed delivery: unattended, so the e-RS system's own application credentials (its pattern's
     * AuthProvider), with the system's role headers, which e-RS's review operations require.
     */
    ErsResult<Access> routedAccess() {
        ErsResult<Access> app = access(CallContext.of(null, "route"), false);
        if (app instanceof ErsResult.Done<Access> d) {
            return new ErsResult.Done<>(new Access(d.value().system(), d.value().auth(), roleHeaders(d.value().system())), false);
        }
        return app;
    }

    /** A failure of one result type as another's. */
    @SuppressWarnings("unchecked")
    static <T> ErsResult<T> same(ErsResult<?> notDone) {
        if (notDone instanceof ErsResult.Done<?>) {
            throw new IllegalStateException("not a failure");
        }
        return (ErsResult<T>) notDone;
    }

    /**
     * NHSD-eRS-Business-Function, NHSD-eRS-On-Behalf-Of-User-ID and NHSD-End-User-Organisation-ODS from the system's role
     * configuration (ODS defaulting to the inventory entry's). The spec forbids them on application-restricted calls.
     */
    Map<String, String> roleHeaders(DownstreamSystem s) {
        ErsRole role = roles.find(s.id()).orElse(ErsRole.none(s.id()));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("NHSD-eRS-Business-Function", role.businessFunction());
        role.onBehalfOfUserId().ifPresent(v -> h.put("NHSD-eRS-On-Behalf-Of-User-ID", v));
        role.odsCode().or(s::odsCode).ifPresent(v -> h.put("NHSD-End-User-Organisation-ODS", v));
        return h;
    }

    /** Sends, takes the answer with {@code take}, journals, and only then returns the result. */
    <T> ErsResult<T> call(Access access, String operation, ErsRequest request, Function<ErsAnswer.Answered, Taken<T>> take) {
        ErsAnswer answer = http.send(access.system().endpoint(), request, access.auth());
        Taken<T> taken;
        if (answer instanceof ErsAnswer.Answered a) {
            taken = a.ok() ? take.apply(a) : refusedOrFailed(a);
        } else {
            CallFailure f = ((ErsAnswer.Unanswered) answer).failure();
            taken = new Taken<>(new ErsResult.Failed<>(f), "failed " + f.code(), new byte[0]);
        }
        Optional<CallFailure> notJournaled = journal.record(new ErsCallJournal.Call(access.system().id(), operation, request, answer,
                taken.kept(), taken.outcome()));
        return notJournaled.<ErsResult<T>>map(ErsResult.Failed::new).orElse(taken.result());
    }

    private static <T> Taken<T> refusedOrFailed(ErsAnswer.Answered a) {
        OperationOutcomes.Issue issue = OperationOutcomes.first(a.body(), a.status());
        if (ErsHttpClient.retryable(a.status())) {
            String why = "e-RS answered HTTP " + a.status() + " " + issue.code() + " after " + a.attempts() + " attempts; try again later";
            return new Taken<>(new ErsResult.Failed<>(new CallFailure(issue.code(), why, true, a.retryAfter())), "gave up on " + issue.code(),
                    a.body());
        }
        return new Taken<>(new ErsResult.Refused<>(a.status(), issue.code(), issue.diagnostics()), "refused " + issue.code(), a.body());
    }

    static <T> ErsResult.Failed<T> failed(String code, String reason, boolean retryable) {
        return new ErsResult.Failed<>(new CallFailure(code, reason, retryable));
    }

    static <T> Taken<T> bad(String what, byte[] body) {
        return new Taken<>(failed("BAD_RESPONSE", "e-RS's answer could not be read: " + what, false), "unreadable answer", body);
    }
}
