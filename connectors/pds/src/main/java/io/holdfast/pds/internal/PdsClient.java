package io.holdfast.pds.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidNhsNumberException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.CallFailure;
import io.holdfast.pds.PdsService;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.TraceQuery;
import io.holdfast.pds.TraceResult;
import io.holdfast.pds.UpdateRequest;
import io.holdfast.pds.UpdateResult;
import io.holdfast.pds.internal.PdsCalls.Reading;
import io.holdfast.pds.internal.cache.PatientCache;
import io.holdfast.pds.internal.codec.PdsJson;
import io.holdfast.pds.internal.codec.PdsRecords;
import io.holdfast.pds.internal.transport.AuthProviders;
import io.holdfast.pds.internal.transport.PdsAnswer;
import io.holdfast.pds.internal.transport.PdsAuth;
import io.holdfast.pds.internal.transport.PdsRequest;
import java.util.Optional;

/** {@link PdsService} over one PDS inventory system: retrieve (with the IG-safe cache) and trace application-restricted. */
public final class PdsClient implements PdsService {
    private final PdsCalls calls;
    private final AuthProviders auth;
    private final PdsRecords records;
    private final PatientCache cache;
    private final TraceCall trace;
    private final UpdateCall update;

    PdsClient(PdsCalls calls, AuthProviders auth, PdsRecords records, PatientCache cache) {
        this.calls = calls;
        this.auth = auth;
        this.records = records;
        this.cache = cache;
        this.trace = new TraceCall(calls, records);
        this.update = new UpdateCall(calls, records, cache);
    }

    /** The IG-safe cache (tests prove it never holds a restricted record). */
    public PatientCache cache() {
        return cache;
    }

    @Override
    public RetrieveResult retrieve(NhsNumber nhs, CallContext context) {
        DownstreamSystem system;
        PdsAuth application;
        try {
            system = calls.system();
            application = application(system);
        } catch (HoldfastException e) {
            return new RetrieveResult.Failed(PdsCalls.failure(e));
        }
        Optional<io.holdfast.pds.PdsRecord> cached = cache.get(system.environment(), nhs);
        if (cached.isPresent()) {
            return new RetrieveResult.Found(cached.get(), true);
        }
        PdsRequest request = PdsRequest.get("/Patient/" + nhs.value(), "/Patient/" + nhs.value(), PdsCalls.newRequestId(),
                PdsCalls.correlation(context));
        RetrieveResult result = calls.call(system, "retrieve", request, application, a -> read(system, nhs, a), RetrieveResult.Failed::new);
        remember(system, nhs, result);
        return result;
    }

    @Override
    public TraceResult trace(TraceQuery query, CallContext context) {
        try {
            DownstreamSystem system = calls.system();
            return trace.trace(system, application(system), query, context);
        } catch (HoldfastException e) {
            return new TraceResult.Failed(PdsCalls.failure(e));
        }
    }

    @Override
    public UpdateResult update(UpdateRequest request, CallContext context) {
        try {
            DownstreamSystem system = calls.system();
            Optional<PdsAuth> user = auth.user(system, request.cis2IdToken());
            if (user.isEmpty()) {
                return new UpdateResult.Failed(new CallFailure("AUTH_FAILED", "no CIS2 token exchange is registered (holdfast-credentials "
                        + "provides it); PDS accepts updates only with user-restricted access", false));
            }
            return update.update(system, user.get(), request, context);
        } catch (HoldfastException e) {
            return new UpdateResult.Failed(PdsCalls.failure(e));
        }
    }

    private PdsAuth application(DownstreamSystem system) {
        return auth.application(system).orElseThrow(() -> new HoldfastException(io.holdfast.api.error.ErrorCode.CREDENTIAL_INVALID,
                "no auth provider is registered for pattern " + system.authPattern() + " of system '" + system.id() + "'"));
    }

    private Reading<RetrieveResult> read(DownstreamSystem system, NhsNumber asked, PdsAnswer.Answered a) {
        Optional<JsonNode> json = PdsAnswers.json(a);
        if (a.status() == 200) {
            Optional<PdsRecords.Read> read = json.flatMap(j -> records.read(j, a.etag()));
            if (read.isEmpty()) {
                return new Reading<>(new RetrieveResult.Failed(PdsAnswers.badResponse(a, "no usable Patient")),
                        json.map(PdsJson::withoutRestrictedFields).map(PdsJson::bytes), "unusable Patient");
            }
            PdsRecords.Read r = read.get();
            byte[] kept = PdsJson.bytes(r.kept());
            String sensitivity = r.record().patient().sensitivity().name();
            if (!r.record().nhsNumber().equals(asked)) {
                return new Reading<>(new RetrieveResult.Superseded(asked, r.record().nhsNumber(), r.record()), Optional.of(kept),
                        "superseded: " + asked.value() + " replaced by " + r.record().nhsNumber().value() + ", v" + r.record().version()
                                + " " + sensitivity);
            }
            return new Reading<>(new RetrieveResult.Found(r.record(), false), Optional.of(kept), "found v" + r.record().version() + " "
                    + sensitivity);
        }
        PdsJson.Outcome o = PdsAnswers.outcome(a);
        RetrieveResult result = switch (o.code()) {
            case "INVALID_RESOURCE_ID" -> new RetrieveResult.InvalidNumber("PDS refused the number as invalid (INVALID_RESOURCE_ID)");
            case "RESOURCE_NOT_FOUND" -> new RetrieveResult.NotFound(asked);
            case "INVALIDATED_RESOURCE" -> new RetrieveResult.Invalidated(asked);
            default -> new RetrieveResult.Failed(PdsAnswers.failure(a, system.id()));
        };
        return new Reading<>(result, Optional.of(a.body()), o.code());
    }

    /** The cache: an unrestricted record under the number it belongs to; a superseded number never answers from it. */
    private void remember(DownstreamSystem system, NhsNumber asked, RetrieveResult result) {
        String env = system.environment();
        if (result instanceof RetrieveResult.Found f && !f.fromCache()) {
            cache.put(env, asked, f.record());
        } else if (result instanceof RetrieveResult.Superseded s) {
            cache.invalidate(env, asked);
            cache.put(env, s.current(), s.record());
        } else if (result instanceof RetrieveResult.Invalidated || result instanceof RetrieveResult.NotFound) {
            cache.invalidate(env, asked);
        }
    }

    /** Parses a number typed by a person, with the Modulus 11 reason when it is not one. */
    public static RetrieveResult parseOrInvalid(String text, java.util.function.Function<NhsNumber, RetrieveResult> then) {
        try {
            return then.apply(NhsNumber.parse(text));
        } catch (InvalidNhsNumberException e) {
            return new RetrieveResult.InvalidNumber(e.getMessage());
        }
    }
}
