package io.holdfast.simulator.pds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.simulator.apim.http.SimulatorHandler;
import io.holdfast.simulator.apim.http.SimulatorReply;
import io.holdfast.simulator.apim.http.SimulatorRequest;
import io.holdfast.simulator.apim.http.SimulatorResponse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The request pipeline in the platform's order: injected faults, bearer token (401 ACCESS_DENIED),
 * the application's rate limit (429 TOO_MANY_REQUESTS), the X-Request-ID header (400 MISSING_VALUE or
 * INVALID_VALUE), for user-restricted callers the NHSD-Session-URID header, the remembered answer of a resent X-Request-ID ({@link RequestReplay}), then the
 * Patient endpoint. Every answer is {@code application/fhir+json} and mirrors
 * X-Request-ID and X-Correlation-ID (personal-demographics.yaml components: RequestID, CorrelationID).
 */
final class PdsHttpHandler implements SimulatorHandler {
    static final String BASE_PATH = "/personal-demographics/FHIR/R4";
    static final String PATIENT_PATH = BASE_PATH + "/Patient";
    static final String FHIR_JSON = "application/fhir+json";
    static final String MISSING_REQUEST_ID = "Invalid request with error - X-Request-ID header must be supplied to access this resource";
    static final String SESSION_URID = "NHSD-Session-URID";
    static final String MISSING_SESSION_URID = "Invalid request with error - NHSD-Session-URID header must be supplied for "
            + "user-restricted access";
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PatientEndpoints patients;
    private final Optional<Function<String, Optional<PdsCaller>>> callers;
    private final boolean requireSessionUrid;
    private final RateLimiter rateLimiter;
    private final PdsFaults faults;
    private final Supplier<String> baseUrl;
    private final RequestReplay replay = new RequestReplay();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    /** With no {@code callers} the API is open, like the NHS sandbox: no token needed, every caller user-restricted. */
    PdsHttpHandler(PatientEndpoints patients, Optional<Function<String, Optional<PdsCaller>>> callers, boolean requireSessionUrid,
                   RateLimiter rateLimiter, PdsFaults faults, Supplier<String> baseUrl) {
        this.patients = patients;
        this.requireSessionUrid = requireSessionUrid;
        this.callers = callers;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.baseUrl = baseUrl;
    }

    long requests() {
        return requests.get();
    }

    long throttled() {
        return throttled.get();
    }

    @Override
    public SimulatorReply handle(SimulatorRequest request) {
        requests.incrementAndGet();
        if (faults.takeReset()) {
            return new SimulatorReply.Reset();
        }
        Duration delay = faults.takeDelay();
        Optional<PdsFaults.Failure> failure = faults.takeFailure();
        PdsReply reply;
        if (failure.isPresent() && !failure.get().afterProcessing()) {
            reply = injected(failure.get());
        } else {
            reply = answer(request);
            if (failure.isPresent()) {
                reply = injected(failure.get());
            }
        }
        return new SimulatorReply.Send(render(request, reply), delay);
    }

    private static PdsReply injected(PdsFaults.Failure failure) {
        PdsReply reply = PdsReply.error(PdsError.injected(failure.status()));
        if (failure.retryAfterSeconds().isPresent()) {
            reply = new PdsReply(reply.status(), reply.body(), reply.version(),
                    java.util.Map.of("Retry-After", String.valueOf(failure.retryAfterSeconds().getAsInt())));
        }
        return reply;
    }

    /** The platform's checks, then a remembered answer for a resent X-Request-ID, else the endpoint's answer. */
    private PdsReply answer(SimulatorRequest request) {
        try {
            String path = request.path();
            if (!path.equals(PATIENT_PATH) && !path.startsWith(PATIENT_PATH + "/")) {
                throw PdsError.notAnEndpoint("No endpoint " + path + "; this simulator serves " + PATIENT_PATH);
            }
            PdsCaller caller = authenticate(request);
            if (!rateLimiter.tryAcquire(caller.application())) {
                throttled.incrementAndGet();
                throw PdsError.tooManyRequests();
            }
            String requestId = requestId(request);
            if (requireSessionUrid && caller.userRestricted()) {
                checkSessionUrid(request);
            }
            Optional<PdsReply> earlier = replay.earlier(caller.application(), requestId, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            PdsReply reply = replyOrError(() -> dispatch(request, path, caller));
            replay.remember(caller.application(), requestId, request, reply);
            return reply;
        } catch (PdsError e) {
            return PdsReply.error(e);
        }
    }

    private static PdsReply replyOrError(Supplier<PdsReply> endpoint) {
        try {
            return endpoint.get();
        } catch (PdsError e) {
            return PdsReply.error(e);
        }
    }

    private PdsReply dispatch(SimulatorRequest request, String path, PdsCaller caller) {
        if (path.equals(PATIENT_PATH)) {
            requireMethod(request, "GET");
            return patients.search(request, caller, baseUrl.get() + PATIENT_PATH);
        }
        String id = path.substring(PATIENT_PATH.length() + 1);
        if (id.isEmpty()) {
            throw PdsError.unsupportedService();
        }
        if (id.contains("/")) {
            throw PdsError.notAnEndpoint("No endpoint " + path + " in this simulator (RelatedPerson is not simulated)");
        }
        if (request.method().equals("PATCH")) {
            return patients.update(id, request, caller);
        }
        requireMethod(request, "GET");
        return patients.retrieve(id);
    }

    private PdsCaller authenticate(SimulatorRequest request) {
        Optional<String> header = request.header("Authorization");
        if (callers.isEmpty() && header.isEmpty()) {
            return PdsCaller.userRestricted("open-access");
        }
        Optional<String> token = header.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            throw PdsError.accessDenied("Missing access token");
        }
        if (callers.isEmpty()) {
            return PdsCaller.userRestricted("open-access");
        }
        return callers.get().apply(token.get()).orElseThrow(() -> PdsError.accessDenied("Invalid Access Token"));
    }

    private static String requestId(SimulatorRequest request) {
        String id = request.header("X-Request-ID").orElseThrow(() -> PdsError.missingValue(MISSING_REQUEST_ID));
        if (!UUID.matcher(id).matches()) {
            throw PdsError.invalidValue("Invalid value - '" + id + "' in header 'X-Request-ID'");
        }
        return id;
    }

    /**
     * personal-demographics.yaml, parameter RoleId: {@code NHSD-Session-URID}, the user's role ID for the session,
     * digits only, "required for user-restricted access but optional for application-restricted access".
     */
    private static void checkSessionUrid(SimulatorRequest request) {
        String urid = request.header(SESSION_URID).orElseThrow(() -> PdsError.missingValue(MISSING_SESSION_URID));
        if (!DIGITS.matcher(urid).matches()) {
            throw PdsError.invalidValue("Invalid value - '" + urid + "' in header '" + SESSION_URID + "'");
        }
    }

    private static void requireMethod(SimulatorRequest request, String method) {
        if (!request.method().equals(method)) {
            throw new PdsError(405, "not-supported", "UNSUPPORTED_SERVICE", "Unsupported Service",
                    "Method " + request.method() + " is not supported here");
        }
    }

    private static SimulatorResponse render(SimulatorRequest request, PdsReply reply) {
        SimulatorResponse response;
        try {
            response = SimulatorResponse.of(reply.status(), FHIR_JSON, JSON.writeValueAsBytes(reply.body()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (reply.version().isPresent()) {
            response = response.withHeader("ETag", "W/\"" + reply.version().get() + "\"");
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
