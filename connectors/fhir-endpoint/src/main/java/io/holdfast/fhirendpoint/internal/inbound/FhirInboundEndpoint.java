package io.holdfast.fhirendpoint.internal.inbound;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.Idempotency;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.fhir.FhirException;
import io.holdfast.fhir.FhirJson;
import io.holdfast.fhir.FhirR4Codec;
import io.holdfast.fhirendpoint.internal.config.EndpointSettings;
import io.holdfast.http.AuthOutcome;
import io.holdfast.http.HttpCall;
import io.holdfast.http.HttpEndpoint;
import io.holdfast.http.HttpReply;
import io.holdfast.http.RequestAuthenticator;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound FHIR endpoint: POST {@code <path>/<Type>} (a resource) or {@code <path>} (a Bundle).
 * Authenticated, {@code application/fhir+json} only, parsed and mapped by lib-fhir, handed to Intake;
 * the answer is written only once Intake reports the message durable. Everything that passed
 * authentication and the media-type check is journaled, invalid input as REJECTED with its bytes.
 */
public final class FhirInboundEndpoint implements HttpEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(FhirInboundEndpoint.class);
    private final EndpointSettings settings;
    private final RequestAuthenticator authenticator;
    private final Intake intake;
    private final FhirJson json;
    private final FhirR4Codec codec;
    private final OperationOutcomes outcomes;
    private final AcceptedAnswers accepted;

    public FhirInboundEndpoint(EndpointSettings settings, RequestAuthenticator authenticator, Intake intake, Idempotency idempotency) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.intake = intake;
        this.json = FhirJson.r4((int) settings.maxBodyBytes());
        this.codec = new FhirR4Codec(json);
        this.outcomes = new OperationOutcomes(json);
        this.accepted = new AcceptedAnswers(idempotency, outcomes, json, settings.path());
    }

    @Override
    public HttpReply handle(HttpCall call) {
        if (!call.method().equals("POST")) {
            return outcomes.error(405, IssueType.NOTSUPPORTED, "Only POST (create a resource, or a transaction Bundle at the base) is supported here")
                    .withHeader("Allow", "POST");
        }
        AuthOutcome auth = authenticator.authenticate(call);
        if (auth instanceof AuthOutcome.Denied denied) {
            LOG.info("FHIR endpoint {}: request from {} not authenticated: {}", settings.name(), call.remoteAddress().getAddress().getHostAddress(),
                    denied.reason());
            return outcomes.error(401, IssueType.LOGIN, "Not authenticated: " + denied.reason()).withHeader("WWW-Authenticate", denied.challenge());
        }
        if (!isFhirJson(call.header("Content-Type"))) {
            return outcomes.error(415, IssueType.NOTSUPPORTED, "Content-Type must be application/fhir+json");
        }
        Optional<String> type = expectedType(call.subPath());
        if (type.isEmpty()) {
            return outcomes.error(404, IssueType.NOTFOUND, "POST a resource to " + settings.path() + "/<Type> or a Bundle to " + settings.path());
        }
        return receive(call, type.get(), ((AuthOutcome.Authenticated) auth).identity());
    }

    private HttpReply receive(HttpCall call, String type, CredentialIdentity identity) {
        FieldTrail trail = new FieldTrail();
        DecodeResult decoded;
        try {
            decoded = decode(call.body(), type, trail);
        } catch (FhirException e) {
            // only TOO_LARGE leaves decode: the listener's cap normally answers first
            return outcomes.error(413, IssueType.TOOLONG, "Request body over " + settings.maxBodyBytes() + " bytes");
        }
        return commit(envelope(call, identity, type), Payload.of(call.body()), decoded, trail, type);
    }

    /** Parsed and mapped; anything unusable becomes a Rejected that Intake keeps with its bytes. */
    private DecodeResult decode(byte[] body, String type, FieldTrail trail) {
        DecodeResult decoded;
        try {
            IBaseResource resource = json.parse(body);
            decoded = resource.fhirType().equals(type) ? codec.decodeResource(resource, trail)
                    : DecodeResult.rejected("WRONG_RESOURCE_TYPE", "a " + resource.fhirType() + " was posted to the " + type + " path");
        } catch (FhirException e) {
            if (e.problem() == FhirException.Problem.TOO_LARGE) {
                throw e;
            }
            decoded = DecodeResult.rejected(e.problem().name(), e.getMessage());
        }
        if (decoded instanceof DecodeResult.Unmapped unmapped) {
            return DecodeResult.rejected("UNSUPPORTED_RESOURCE", unmapped.messageType() + " is not accepted at this endpoint");
        }
        return decoded;
    }

    /** Waits for Intake's durable commit; only then is the sender answered. */
    private HttpReply commit(Envelope envelope, Payload payload, DecodeResult decoded, FieldTrail trail, String type) {
        IntakeReceipt receipt;
        try {
            receipt = intake.accept(envelope, payload, decoded, trail).toCompletableFuture()
                    .get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            String reason = e.getCause() instanceof IntakeRefusedException r ? r.reason().name() : e.getCause().getClass().getSimpleName();
            LOG.warn("FHIR endpoint {}: message {} not stored ({}); answered 503", settings.name(), envelope.messageId(), reason);
            return unavailable("Not stored (" + reason + "); nothing was kept, please resend");
        } catch (TimeoutException e) {
            LOG.warn("FHIR endpoint {}: message {} not confirmed durable within {}; answered 503", settings.name(), envelope.messageId(),
                    settings.commitTimeout());
            return unavailable("Not confirmed stored within " + settings.commitTimeout() + "; please resend (a resend is recognised as a duplicate)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("Stopping; please resend");
        }
        return answer(receipt, decoded, type, envelope.messageId());
    }

    private HttpReply answer(IntakeReceipt receipt, DecodeResult decoded, String type, String messageId) {
        if (decoded instanceof DecodeResult.Rejected r) {
            return outcomes.error(Rejections.status(r.code()), Rejections.issueType(r.code()),
                    r.code() + ": " + r.reason() + " (kept as journal id " + receipt.journalId() + ")");
        }
        if (receipt.rejected() || receipt.events().isEmpty()) {
            return outcomes.error(422, IssueType.PROCESSING, "Not accepted (kept as journal id " + receipt.journalId() + ")");
        }
        return type.equals("Bundle") ? accepted.forBundle(receipt, messageId) : accepted.forResource(receipt, type, messageId);
    }

    private HttpReply unavailable(String diagnostics) {
        return outcomes.error(503, IssueType.TRANSIENT, diagnostics).withHeader("Retry-After", String.valueOf(settings.retryAfter().toSeconds()));
    }

    private Envelope envelope(HttpCall call, CredentialIdentity identity, String type) {
        String messageId = call.header("X-Request-ID").filter(id -> id.matches("[A-Za-z0-9._:-]{1,200}"))
                .orElseGet(() -> "fhir-" + settings.name() + "-" + UUID.randomUUID());
        Optional<String> correlation = call.header("X-Correlation-ID").filter(id -> id.matches("[A-Za-z0-9._:-]{1,200}"));
        Map<String, String> attributes = Map.of(Envelope.ATTR_AUTH_IDENTITY, identity.describe(), "auth.mode", settings.auth(),
                "http.remote", call.remoteAddress().getAddress().getHostAddress(), "fhir.resourceType", type);
        return new Envelope(messageId, correlation, settings.sourceSystem(), "fhir:" + settings.name(), Instant.now(), WireFormat.fhirR4(), attributes);
    }

    /** {@code /} → a Bundle; {@code /Patient} → a Patient; anything deeper is not an endpoint of ours. */
    private static Optional<String> expectedType(String subPath) {
        if (subPath.equals("/")) {
            return Optional.of("Bundle");
        }
        String type = subPath.substring(1);
        return type.matches("[A-Z][A-Za-z]{1,63}") ? Optional.of(type) : Optional.empty();
    }

    private static boolean isFhirJson(Optional<String> contentType) {
        return contentType.map(c -> c.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).filter("application/fhir+json"::equals).isPresent();
    }
}
