package io.holdfast.ers.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.ers.AttachmentContent;
import io.holdfast.ers.CallContext;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.ErsResult;
import io.holdfast.ers.ErsService;
import io.holdfast.ers.NewReferral;
import io.holdfast.ers.ReviewOutcome;
import io.holdfast.ers.Ubrn;
import io.holdfast.ers.WorklistItem;
import io.holdfast.ers.internal.codec.ErsParameters;
import io.holdfast.ers.internal.codec.ReferralMapping;
import io.holdfast.ers.internal.codec.WorklistMapping;
import io.holdfast.ers.internal.transport.ErsAnswer;
import io.holdfast.ers.internal.transport.ErsRequest;
import io.holdfast.fhir.FhirJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.dstu3.model.ReferralRequest;

/**
 * {@link ErsService} on e-RS's published API: A005 retrieve, A008 worklist, A042 attachment, A011 create here;
 * review outcomes (A013, A014, A028) in {@link ReviewCall}.
 */
public final class ErsClient implements ErsService {
    static final String STU3 = "/STU3";
    private static final Pattern BINARY_ID = Pattern.compile("[A-Za-z0-9.\\-]{1,64}");
    private final ErsCalls calls;
    private final ReviewCall reviews;

    ErsClient(ErsCalls calls) {
        this.calls = calls;
        this.reviews = new ReviewCall(calls, this);
    }

    ReviewCall reviews() {
        return reviews;
    }

    ErsCalls calls() {
        return calls;
    }

    @Override
    public ErsResult<ErsReferral> retrieve(Ubrn ubrn, CallContext context) {
        ErsResult<ErsCalls.Access> access = calls.access(context, false);
        if (!(access instanceof ErsResult.Done<ErsCalls.Access> a)) {
            return ErsCalls.same(access);
        }
        return retrieve(a.value(), ubrn, ErsCalls.newRequestId(), context.correlationId());
    }

    /** A005 with given access and X-Request-ID (a review's read of the current version uses its own). */
    ErsResult<ErsReferral> retrieve(ErsCalls.Access access, Ubrn ubrn, String requestId, Optional<String> correlationId) {
        ErsRequest request = new ErsRequest("GET", STU3 + "/ReferralRequest/" + ubrn.value(), "ReferralRequest/" + ubrn.value(), requestId,
                correlationId, access.roleHeaders(), Optional.empty(), Optional.empty());
        return calls.call(access, "retrieve", request, ErsClient::referral);
    }

    /** A 2xx whose body is an e-RS ReferralRequest. */
    static ErsCalls.Taken<ErsReferral> referral(ErsAnswer.Answered a) {
        try {
            ReferralRequest r = FhirJson.stu3(Integer.MAX_VALUE).parse(a.body(), ReferralRequest.class);
            ErsReferral referral = ReferralMapping.toErsReferral(r, new FieldTrail());
            return new ErsCalls.Taken<>(new ErsResult.Done<>(referral, false), "referral v" + referral.versionId()
                    + referral.state().map(s -> " " + s).orElse(""), a.body());
        } catch (HoldfastException e) {
            return ErsCalls.bad(e.getMessage(), a.body());
        }
    }

    @Override
    public ErsResult<List<WorklistItem>> worklist(Optional<String> serviceId, CallContext context) {
        ErsResult<ErsCalls.Access> access = calls.access(context, false);
        if (!(access instanceof ErsResult.Done<ErsCalls.Access> a)) {
            return ErsCalls.same(access);
        }
        Optional<String> service = serviceId.filter(s -> !s.isBlank()).or(() -> calls.role(a.value().system().id()).flatMap(r -> r.serviceId()));
        if (context.userIdToken().isEmpty() && service.isEmpty()) {
            return ErsCalls.failed("NOT_CONFIGURED", "an application-restricted worklist needs the e-RS service id (serviceId of "
                    + "io.holdfast.ers.role-" + a.value().system().id() + ".cfg, or --service); nothing was sent", false);
        }
        byte[] body = ErsParameters.fetchWorklist(service);
        ErsRequest request = new ErsRequest("POST", STU3 + "/ReferralRequest/$ers.fetchworklist", "$ers.fetchworklist REFERRALS_FOR_REVIEW"
                + service.map(s -> " service " + s).orElse(""), ErsCalls.newRequestId(), context.correlationId(), a.value().roleHeaders(),
                Optional.empty(), Optional.of(body));
        return calls.call(a.value(), "worklist", request, ans -> {
            try {
                List<WorklistItem> items = WorklistMapping.items(ans.body());
                return new ErsCalls.Taken<>(new ErsResult.Done<>(items, false), items.size() + " referrals for review", ans.body());
            } catch (HoldfastException e) {
                return ErsCalls.bad(e.getMessage(), ans.body());
            }
        });
    }

    @Override
    public ErsResult<AttachmentContent> attachment(String binaryId, CallContext context) {
        if (binaryId == null || !BINARY_ID.matcher(binaryId).matches()) {
            return ErsCalls.failed("INVALID_ID", "an attachment id is 1-64 of A-Z a-z 0-9 . - (the part after Binary/ in the referral)", false);
        }
        ErsResult<ErsCalls.Access> access = calls.access(context, false);
        if (!(access instanceof ErsResult.Done<ErsCalls.Access> a)) {
            return ErsCalls.same(access);
        }
        ErsRequest request = new ErsRequest("GET", "/R4/Binary/" + binaryId, "Binary/" + binaryId, ErsCalls.newRequestId(),
                context.correlationId(), a.value().roleHeaders(), Optional.empty(), Optional.empty());
        return calls.call(a.value(), "attachment", request, ans -> {
            String type = ans.contentType().orElse("application/octet-stream");
            // the file itself is clinical content: the journal keeps its type and size, the caller gets the bytes
            byte[] kept = ("{\"contentType\":\"" + type.replace("\"", "") + "\",\"size\":" + ans.body().length + "}").getBytes();
            return new ErsCalls.Taken<>(new ErsResult.Done<>(new AttachmentContent(binaryId, type, ans.body()), false),
                    "attachment " + ans.body().length + " bytes " + type, kept);
        });
    }

    @Override
    public ErsResult<ErsReferral> review(Ubrn ubrn, ReviewOutcome outcome, CallContext context) {
        ErsResult<ErsCalls.Access> access = calls.access(context, true);
        if (!(access instanceof ErsResult.Done<ErsCalls.Access> a)) {
            return ErsCalls.same(access);
        }
        return reviews.run(a.value(), ubrn, outcome, ErsCalls.newRequestId(), context.correlationId(), false);
    }

    @Override
    public ErsResult<ErsReferral> create(NewReferral referral, CallContext context) {
        ErsResult<ErsCalls.Access> access = calls.access(context, true);
        if (!(access instanceof ErsResult.Done<ErsCalls.Access> a)) {
            return ErsCalls.same(access);
        }
        Map<String, String> headers = a.value().roleHeaders();
        ErsRequest request = new ErsRequest("POST", STU3 + "/ReferralRequest/$ers.createReferral", "$ers.createReferral service "
                + referral.serviceId(), ErsCalls.newRequestId(), context.correlationId(), headers, Optional.empty(),
                Optional.of(ErsParameters.createReferral(referral)));
        return calls.call(a.value(), "create", request, ErsClient::referral);
    }
}
