package io.holdfast.simulator.ers;

import io.holdfast.simulator.apim.http.SimulatorHandler;
import io.holdfast.simulator.apim.http.SimulatorReply;
import io.holdfast.simulator.apim.http.SimulatorRequest;
import io.holdfast.simulator.apim.http.SimulatorResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The request pipeline, in the order the README's rules table lists: an injected fault that replaces the request,
 * the route (404/405), the bearer token (401), X-Request-ID (400), the role headers (400/403), the remembered answer
 * of a resent X-Request-ID, the operation, and an injected fault that replaces only the answer. Every answer mirrors
 * X-Request-ID and X-Correlation-ID (Forbidden.yaml and the other response files list both).
 */
final class ErsHttpHandler implements SimulatorHandler {
    private final ReferralEndpoints endpoints;
    private final Optional<Function<String, Optional<ErsCaller>>> callers;
    private final boolean requireRequestId;
    private final ErsFaults faults;
    private final RequestReplay replay = new RequestReplay();
    private final AtomicLong requests = new AtomicLong();

    /** With no {@code callers} the API is open, like the NHS sandbox: no token needed, every caller user-restricted. */
    ErsHttpHandler(ReferralEndpoints endpoints, Optional<Function<String, Optional<ErsCaller>>> callers, boolean requireRequestId,
                   ErsFaults faults) {
        this.endpoints = endpoints;
        this.callers = callers;
        this.requireRequestId = requireRequestId;
        this.faults = faults;
    }

    long requests() {
        return requests.get();
    }

    @Override
    public SimulatorReply handle(SimulatorRequest request) {
        requests.incrementAndGet();
        Optional<ErsFaults.Fault> fault = faults.take(request.path());
        if (fault.isPresent() && fault.get().reset()) {
            return new SimulatorReply.Reset();
        }
        Duration delay = fault.map(ErsFaults.Fault::delay).orElse(Duration.ZERO);
        Optional<ErsFaults.Fault> failure = fault.filter(f -> f.status() != 0);
        ErsReply reply;
        if (failure.isPresent() && !failure.get().afterCommit()) {
            reply = injected(failure.get());
        } else {
            reply = answer(request);
            if (failure.isPresent()) {
                reply = injected(failure.get());
            }
        }
        return new SimulatorReply.Send(render(request, reply), delay);
    }

    private static ErsReply injected(ErsFaults.Fault fault) {
        ErsReply reply = ErsReply.error(ErsError.injected(fault.status()));
        if (fault.retryAfterSeconds().isPresent()) {
            reply = reply.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds().getAsInt()));
        }
        return reply;
    }

    private ErsReply answer(SimulatorRequest request) {
        try {
            ErsRoute route = ErsRoute.of(request.method(), request.path());
            ErsCaller caller = authenticate(request);
            Optional<String> requestId = requireRequestId || request.header(ErsHeaders.REQUEST_ID).isPresent()
                    ? Optional.of(ErsHeaders.requestId(request)) : Optional.empty();
            ErsHeaders.checkRole(request, caller, route.operation());
            if (requestId.isPresent()) {
                Optional<ErsReply> earlier = replay.earlier(caller.application(), requestId.get(), request);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            ErsReply reply = replyOrError(route, request);
            if (route.operation() != ErsOperation.RETRIEVE_ATTACHMENT) {
                // Files are up to 5 MB (A020) and reading one again is harmless: not worth the memory.
                requestId.ifPresent(id -> replay.remember(caller.application(), id, request, reply));
            }
            return reply;
        } catch (ErsError e) {
            return ErsReply.error(e);
        }
    }

    private ErsReply replyOrError(ErsRoute route, SimulatorRequest request) {
        try {
            return endpoints.handle(route, request);
        } catch (ErsError e) {
            return ErsReply.error(e);
        }
    }

    private ErsCaller authenticate(SimulatorRequest request) {
        Optional<String> header = request.header("Authorization");
        if (callers.isEmpty() && header.isEmpty()) {
            return ErsCaller.userRestricted("open-access");
        }
        Optional<String> token = header.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            throw ErsError.noAccess("Missing or malformed bearer token in the Authorization header");
        }
        if (callers.isEmpty()) {
            return ErsCaller.userRestricted("open-access");
        }
        return callers.get().apply(token.get()).orElseThrow(() -> ErsError.noAccess("Invalid access token"));
    }

    private static SimulatorResponse render(SimulatorRequest request, ErsReply reply) {
        SimulatorResponse response = SimulatorResponse.of(reply.status(), reply.contentType(), reply.body());
        if (reply.version().isPresent()) {
            response = response.withHeader("ETag", "W/\"" + reply.version().get() + "\"");
        }
        for (var h : reply.headers().entrySet()) {
            response = response.withHeader(h.getKey(), h.getValue());
        }
        for (String mirrored : new String[] {ErsHeaders.REQUEST_ID, ErsHeaders.CORRELATION_ID}) {
            Optional<String> value = request.header(mirrored);
            if (value.isPresent()) {
                response = response.withHeader(mirrored, value.get());
            }
        }
        return response;
    }
}
