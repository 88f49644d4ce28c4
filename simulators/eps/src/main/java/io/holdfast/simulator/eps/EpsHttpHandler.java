package io.holdfast.simulator.eps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.simulator.apim.http.SimulatorHandler;
import io.holdfast.simulator.apim.http.SimulatorReply;
import io.holdfast.simulator.apim.http.SimulatorRequest;
import io.holdfast.simulator.apim.http.SimulatorResponse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The request pipeline: injected faults, the route, the bearer token (401 ACCESS_DENIED), {@code X-Request-ID}
 * (required, a UUID), {@code NHSD-Session-URID} (optional, digits), the access mode (403 FORBIDDEN), the remembered
 * answer of a resent X-Request-ID ({@link RequestReplay}), then the operation. One lock serialises processing, so a
 * resend racing its original sees either nothing or the committed answer. Every answer is {@code application/fhir+json}
 * and mirrors X-Request-ID and X-Correlation-ID (parameters RequestID, CorrelationID).
 */
final class EpsHttpHandler implements SimulatorHandler {
    static final String SERVICE_PATH = "/electronic-prescriptions";
    static final String FHIR_PATH = SERVICE_PATH + "/FHIR/R4";
    static final String FHIR_JSON = "application/fhir+json";
    static final String SESSION_URID = "NHSD-Session-URID";
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrescribingEndpoints prescribing;
    private final DispensingEndpoints dispensing;
    private final TrackerEndpoint tracker;
    private final Optional<Function<String, Optional<EpsCaller>>> callers;
    private final boolean enforceAccessModes;
    private final EpsFaults faults;
    private final EpsCounters counters;
    private final RequestReplay replay = new RequestReplay();
    private final Object processing = new Object();

    EpsHttpHandler(PrescribingEndpoints prescribing, DispensingEndpoints dispensing, TrackerEndpoint tracker,
                   Optional<Function<String, Optional<EpsCaller>>> callers, boolean enforceAccessModes, EpsFaults faults, EpsCounters counters) {
        this.prescribing = prescribing;
        this.dispensing = dispensing;
        this.tracker = tracker;
        this.callers = callers;
        this.enforceAccessModes = enforceAccessModes;
        this.faults = faults;
        this.counters = counters;
    }

    @Override
    public SimulatorReply handle(SimulatorRequest request) {
        counters.request();
        if (faults.takeReset()) {
            return new SimulatorReply.Reset();
        }
        Duration delay = faults.takeDelay();
        Optional<EpsFaults.Failure> failure = faults.takeFailure(request.path());
        EpsReply reply;
        if (failure.isPresent() && failure.get().timing() == EpsFaults.Timing.BEFORE_PROCESSING) {
            reply = injected(failure.get());
        } else {
            reply = answer(request);
            if (failure.isPresent()) {
                reply = injected(failure.get());
            }
        }
        return new SimulatorReply.Send(render(request, reply), delay);
    }

    private static EpsReply injected(EpsFaults.Failure failure) {
        EpsReply reply = EpsReply.error(EpsError.injected(failure.status()));
        if (failure.retryAfterSeconds().isPresent()) {
            reply = new EpsReply(reply.status(), reply.body(), Map.of("Retry-After", String.valueOf(failure.retryAfterSeconds().getAsInt())));
        }
        return reply;
    }

    private EpsReply answer(SimulatorRequest request) {
        try {
            Route route = Route.of(request);
            EpsCaller caller = authenticate(request);
            String requestId = requestId(request);
            checkSessionUrid(request);
            if (enforceAccessModes && !caller.userRestricted() && route != Route.RELEASE) {
                throw EpsError.forbidden("This endpoint is user-restricted (CIS2); only releasing nominated prescriptions "
                        + "is open to application-restricted access");
            }
            synchronized (processing) {
                RequestReplay.Earlier earlier = replay.earlier(caller.application(), requestId, request);
                if (earlier instanceof RequestReplay.Same same) {
                    counters.replay();
                    return same.reply();
                }
                if (earlier instanceof RequestReplay.Different) {
                    counters.requestIdReuse();
                }
                EpsReply reply = replyOrError(route, request, caller, requestId);
                replay.remember(caller.application(), requestId, request, reply);
                return reply;
            }
        } catch (EpsError e) {
            return EpsReply.error(e);
        }
    }

    private EpsReply replyOrError(Route route, SimulatorRequest request, EpsCaller caller, String requestId) {
        try {
            return switch (route) {
                case PREPARE -> prescribing.prepare(request.body());
                case PROCESS_MESSAGE -> processMessage(request.body(), requestId);
                case RELEASE -> dispensing.release(request.body(), caller, enforceAccessModes);
                case CLAIM -> dispensing.claim(request.body());
                case TRACKER -> tracker.search(request.query());
            };
        } catch (EpsError e) {
            return EpsReply.error(e);
        }
    }

    /** The MessageHeader's eventCoding picks the operation ($process-message "depends on the type of the message"). */
    private EpsReply processMessage(byte[] body, String requestId) {
        ObjectNode bundle = MessageBundles.parse(body, "Bundle");
        String event = MessageBundles.messageEvent(bundle);
        return switch (event) {
            case "prescription-order" -> prescribing.order(bundle, requestId);
            case "prescription-order-update" -> prescribing.cancel(bundle);
            case "dispense-notification" -> dispensing.dispenseNotification(bundle);
            default -> throw EpsError.invalidValue("Unsupported MessageHeader.eventCoding.code '" + event
                    + "'; expected prescription-order, prescription-order-update or dispense-notification");
        };
    }

    /** The published routes; a fragment such as {@code #prescription-order} is never sent, so paths are exact. */
    private enum Route {
        PREPARE("POST", "/$prepare"), PROCESS_MESSAGE("POST", "/$process-message"), RELEASE("POST", "/Task/$release"),
        CLAIM("POST", "/Claim"), TRACKER("GET", "/Task");

        private final String method;
        private final String path;

        Route(String method, String path) {
            this.method = method;
            this.path = path;
        }

        static Route of(SimulatorRequest request) {
            for (Route r : values()) {
                if ((FHIR_PATH + r.path).equals(request.path())) {
                    if (!r.method.equals(request.method())) {
                        throw EpsError.routeNotFound(request.method() + " " + request.path() + " is not a route of this API (use " + r.method + ")");
                    }
                    return r;
                }
            }
            throw EpsError.routeNotFound("No route " + request.path() + "; this simulator serves " + FHIR_PATH
                    + "/$prepare, /$process-message, /Task/$release, /Claim and GET /Task (Task return and withdraw are not simulated)");
        }
    }

    private EpsCaller authenticate(SimulatorRequest request) {
        Optional<String> header = request.header("Authorization");
        if (callers.isEmpty() && header.isEmpty()) {
            return EpsCaller.userRestricted("open-access");
        }
        Optional<String> token = header.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            throw EpsError.accessDenied("Missing access token");
        }
        if (callers.isEmpty()) {
            return EpsCaller.userRestricted("open-access");
        }
        return callers.get().apply(token.get()).orElseThrow(() -> EpsError.accessDenied("Invalid access token"));
    }

    /** RequestID: required, a UUID ("Required in all environments except sandbox"; this simulator requires it always). */
    private static String requestId(SimulatorRequest request) {
        String id = request.header("X-Request-ID").orElseThrow(() -> EpsError.missingField("X-Request-ID header must be supplied"));
        if (!UUID.matcher(id).matches()) {
            throw EpsError.invalidValue("Invalid value - '" + id + "' in header 'X-Request-ID': must be a UUID");
        }
        return id;
    }

    /** RoleId: {@code NHSD-Session-URID} "This field is optional"; when present its pattern is digits. */
    private static void checkSessionUrid(SimulatorRequest request) {
        Optional<String> urid = request.header(SESSION_URID);
        if (urid.isPresent() && !DIGITS.matcher(urid.get()).matches()) {
            throw EpsError.invalidValue("Invalid value - '" + urid.get() + "' in header '" + SESSION_URID + "'");
        }
    }

    private static SimulatorResponse render(SimulatorRequest request, EpsReply reply) {
        SimulatorResponse response;
        try {
            response = SimulatorResponse.of(reply.status(), FHIR_JSON, JSON.writeValueAsBytes(reply.body()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        for (var h : reply.extraHeaders().entrySet()) {
            response = response.withHeader(h.getKey(), h.getValue());
        }
        for (String mirrored : new String[] {"X-Request-ID", "X-Correlation-ID"}) {
            Optional<String> value = request.header(mirrored);
            if (value.isPresent()) {
                response = response.withHeader(mirrored, value.get());
            }
        }
        return response;
    }
}
