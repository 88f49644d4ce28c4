package io.holdfast.transport.http.internal.transport;

import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.api.spi.DeliveryResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a response to what the dispatcher journals and does: 2xx acknowledged (resource id, Location,
 * ETag in the summary); 408, 425, 429 and 5xx transient, honouring {@code Retry-After}; a 401 that
 * survived one re-authentication (or could not be re-authenticated) transient, like the dispatcher's own
 * credential failures (credentials are fixed by people; dead-lettering every queued message would not help); 3xx (redirects are not followed) and every other 4xx permanent, with the
 * OperationOutcome in the reason. The capped body goes with the outcome, so the dispatcher journals it
 * (encrypted) with the RESPONSE stage.
 */
final class ResponseOutcomes {
    private final Clock clock;
    private final int maxReasonChars;

    ResponseOutcomes(Clock clock, int maxReasonChars) {
        this.clock = clock;
        this.maxReasonChars = maxReasonChars;
    }

    /**
     * @param reauthenticatedAs the credential of the resend after a 401 (the journal's SENT names the first one),
     *                          empty when the request was sent once
     */
    DeliveryResult classify(HttpAnswer answer, Optional<CredentialIdentity> reauthenticatedAs) {
        boolean reauthenticated = reauthenticatedAs.isPresent();
        int status = answer.status();
        Optional<Payload> body = answer.body().bytes().length == 0 ? Optional.empty() : Optional.of(Payload.of(answer.body().bytes()));
        if (status >= 200 && status < 300) {
            return new DeliveryResult.Acknowledged(acknowledged(answer, reauthenticatedAs), body);
        }
        if (status == 401) {
            return new DeliveryResult.Transient(problem(answer, (reauthenticated ? "still refused after re-authenticating once"
                    : "refused, and the system's auth provider could not re-authenticate") + "; check the system's credentials"
                    + " (holdfast:creds)"), Optional.empty());
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500 || status < 200) {
            Optional<Duration> retryAfter = RetryAfter.parse(answer.header("Retry-After"), clock);
            return new DeliveryResult.Transient(problem(answer, retryAfter.map(d -> "Retry-After " + d.toSeconds() + " s").orElse("")),
                    retryAfter);
        }
        if (status >= 300 && status < 400) {
            return new DeliveryResult.Permanent(problem(answer, "redirect to " + answer.header("Location").orElse("(no Location)")
                    + " not followed; correct the system's endpoint"), body);
        }
        return new DeliveryResult.Permanent(problem(answer, ""), body);
    }

    private String acknowledged(HttpAnswer answer, Optional<CredentialIdentity> reauthenticatedAs) {
        List<String> parts = new ArrayList<>();
        parts.add("HTTP " + answer.status());
        FhirResponseText.resource(answer.body()).ifPresent(parts::add);
        answer.header("Location").or(() -> answer.header("Content-Location")).ifPresent(l -> parts.add("Location " + l));
        answer.header("ETag").ifPresent(e -> parts.add("ETag " + e));
        reauthenticatedAs.ifPresent(c -> parts.add("sent again after a 401 as " + c.describe()));
        if (answer.body().cut()) {
            parts.add("response body cut at " + answer.body().bytes().length + " bytes (maxResponseBytes)");
        }
        return cap(String.join(", ", parts));
    }

    private String problem(HttpAnswer answer, String note) {
        String text = "HTTP " + answer.status() + (note.isEmpty() ? "" : " (" + note + ")") + ": " + FhirResponseText.problem(answer.body())
                + (answer.body().cut() ? " [body cut at " + answer.body().bytes().length + " bytes]" : "");
        return cap(text);
    }

    private String cap(String text) {
        return text.length() <= maxReasonChars ? text : text.substring(0, maxReasonChars - 1) + "…";
    }
}
