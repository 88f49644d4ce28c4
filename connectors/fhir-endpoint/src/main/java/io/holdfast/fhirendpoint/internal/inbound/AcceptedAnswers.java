package io.holdfast.fhirendpoint.internal.inbound;

import io.holdfast.api.event.EventKey;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.ClaimRecord;
import io.holdfast.api.kernel.EventOutcome;
import io.holdfast.api.kernel.Idempotency;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.fhir.FhirJson;
import io.holdfast.http.HttpReply;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Answers for what Intake made durable. Holdfast is not a FHIR store: the resource id it gives out is
 * the natural key's keyed digest from the idempotency store (stable for the key, no PHI in it), and
 * the version is 1 + the number of amendments held. So a sender's retry (same key, same content)
 * gets {@code 200} with the id of the first receipt, an amendment {@code 200} with the next version,
 * and a new key {@code 201}.
 */
final class AcceptedAnswers {
    private static final Map<String, String> FHIR_TYPE_OF_EVENT = Map.of("DemographicUpdate", "Patient", "LabResult", "DiagnosticReport");
    private final Idempotency idempotency;
    private final OperationOutcomes outcomes;
    private final FhirJson json;
    private final String basePath;

    AcceptedAnswers(Idempotency idempotency, OperationOutcomes outcomes, FhirJson json, String basePath) {
        this.idempotency = idempotency;
        this.outcomes = outcomes;
        this.json = json;
        this.basePath = basePath;
    }

    /** A single resource POSTed to {@code <base>/<Type>}: 201 for a new key, 200 for a duplicate or amendment. */
    HttpReply forResource(IntakeReceipt receipt, String resourceType, String messageId) {
        EventOutcome event = receipt.events().get(0);
        Location location = location(event.key(), resourceType, messageId);
        int status = event.claim() == ClaimOutcome.NEW ? 201 : 200;
        HttpReply reply = outcomes.reply(status, event.claim() == ClaimOutcome.STALE ? IssueSeverity.WARNING : IssueSeverity.INFORMATION,
                IssueType.INFORMATIONAL, describe(event.claim()) + " (journal id " + receipt.journalId() + ")");
        return reply.withHeader("Location", location.url()).withHeader("ETag", "W/\"" + location.version() + "\"");
    }

    /** A Bundle POSTed to {@code <base>}: 200 with a transaction-response, one entry per canonical event. */
    HttpReply forBundle(IntakeReceipt receipt, String messageId) {
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (EventOutcome event : receipt.events()) {
            Location location = location(event.key(), FHIR_TYPE_OF_EVENT.getOrDefault(event.type(), event.type()), messageId);
            response.addEntry().getResponse().setStatus(event.claim() == ClaimOutcome.NEW ? "201 Created" : "200 OK")
                    .setLocation(location.url()).setEtag("W/\"" + location.version() + "\"");
        }
        return HttpReply.of(200, OperationOutcomes.FHIR_JSON, json.serializeBytes(response));
    }

    private record Location(String url, int version) {
    }

    private Location location(EventKey key, String resourceType, String messageId) {
        Optional<ClaimRecord> claim = idempotency.find(key);
        String id = claim.map(c -> fhirId(c.keyDigest())).orElse(fhirId(messageId));
        int version = claim.map(c -> c.amendments() + 1).orElse(1);
        return new Location(basePath + "/" + resourceType + "/" + id + "/_history/" + version, version);
    }

    /** FHIR ids are [A-Za-z0-9-.]{1,64}. */
    private static String fhirId(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9.-]", "-");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    private static String describe(ClaimOutcome claim) {
        return switch (claim) {
            case NEW -> "Accepted and stored";
            case DUPLICATE -> "Already received with the same content; nothing changed";
            case AMENDMENT -> "Accepted as an amendment of the resource already received";
            case STALE -> "Stored, but older than the version already held: not applied over it";
        };
    }
}
