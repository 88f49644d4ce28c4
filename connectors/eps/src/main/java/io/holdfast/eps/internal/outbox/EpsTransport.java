package io.holdfast.eps.internal.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.event.PrescriptionId;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.eps.internal.codec.EpsBundleReader;
import io.holdfast.eps.internal.codec.EpsFhir;
import io.holdfast.eps.internal.codec.Json;
import io.holdfast.eps.internal.transport.EpsAnswer;
import io.holdfast.eps.internal.transport.EpsHttp;
import io.holdfast.eps.internal.transport.Issues;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Route target {@value #TRANSPORT}: the routed event, encoded by the {@code EPS} codec as an EPS message bundle, is
 * POSTed to {@code {endpoint}/$process-message} with the outbox request id as {@code X-Request-ID} (the same on every
 * retry, with byte-identical bodies). Outcomes: 2xx → Acknowledged with the OperationOutcome issues; 408, 429 and 5xx,
 * timeouts and broken connections → Transient (Retry-After honoured by the outbox); 401 → Transient after the
 * provider's token is dropped; other 4xx → Permanent with EPS's codes (dead letter); DUPLICATE_PRESCRIPTION_ID →
 * {@link #duplicate judged}: already done when an earlier attempt of the same content may have landed, else a
 * clinical-safety alert and Permanent. Every result names the OperationOutcome issues, so the journal has them per
 * delivery.
 */
public final class EpsTransport implements OutboundTransport {
    public static final String TRANSPORT = "EPS";
    public static final String ALREADY_DONE = "already done: ";
    static final String ALERT_PREFIX = "eps:duplicate-prescription:";
    private final EpsHttp http;
    private final EarlierAttempts earlier;
    private final Alerts alerts;
    private final Consumer<OutboundRequest> tokenRefused;

    public EpsTransport(EpsHttp http, Journal journal, Alerts alerts, Consumer<OutboundRequest> tokenRefused) {
        this.http = http;
        this.earlier = new EarlierAttempts(journal);
        this.alerts = alerts;
        this.tokenRefused = tokenRefused;
    }

    @Override
    public String transport() {
        return TRANSPORT;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        byte[] body;
        String event;
        PrescriptionId id;
        try (InputStream in = request.body().open()) {
            body = in.readAllBytes();
            JsonNode bundle = Json.MAPPER.readTree(body);
            event = EpsBundleReader.eventCode(bundle);
            id = EpsBundleReader.prescriptionId(bundle);
        } catch (IOException | RuntimeException e) {
            return new DeliveryResult.Permanent("the routed body is not an EPS message bundle (" + e.getClass().getSimpleName()
                    + "): route it with format EPS:R4", Optional.empty());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Request-ID", request.requestId());
        request.headers().forEach((k, v) -> {
            if (k.equalsIgnoreCase("X-Correlation-ID")) {
                headers.put("X-Correlation-ID", v);
            }
        });
        EpsAnswer answer = http.post(EpsHttp.resolve(request.target().endpoint(), "/$process-message"), body, headers, request.auth());
        return outcome(request, event, id, answer);
    }

    private DeliveryResult outcome(OutboundRequest request, String event, PrescriptionId id, EpsAnswer answer) {
        String what = event + " " + id.value();
        if (answer instanceof EpsAnswer.Unanswered u) {
            String mark = u.mayHaveLanded() ? EarlierAttempts.MAY_HAVE_LANDED : EarlierAttempts.NOT_SENT;
            return u.retryable() ? new DeliveryResult.Transient(what + ": " + u.reason() + " " + mark, Optional.empty())
                    : new DeliveryResult.Permanent(what + ": " + u.reason(), Optional.empty());
        }
        EpsAnswer.Answered a = (EpsAnswer.Answered) answer;
        Issues issues = Issues.of(a.body());
        Optional<Payload> response = Optional.of(Payload.of(a.body()));
        String heard = what + ": HTTP " + a.status() + " " + issues.summary();
        if (a.status() >= 200 && a.status() < 300) {
            return new DeliveryResult.Acknowledged("EPS accepted " + heard, response);
        }
        if (a.status() == 401) {
            tokenRefused.accept(request);
            return new DeliveryResult.Transient(heard + "; the access token was dropped, the next attempt gets a new one "
                    + EarlierAttempts.NOT_SENT, a.retryAfter());
        }
        if (a.status() == 408 || a.status() == 429 || a.status() >= 500) {
            // 429 and 503 are refusals before processing; 504, 502 and 500 may come after EPS committed the message
            boolean refusedBefore = a.status() == 429 || a.status() == 503 || a.status() == 408;
            return new DeliveryResult.Transient(heard + " " + (refusedBefore ? EarlierAttempts.NOT_SENT : EarlierAttempts.MAY_HAVE_LANDED),
                    a.retryAfter());
        }
        if (issues.duplicatePrescription() && EpsFhir.ORDER.equals(event)) {
            return duplicate(request, id, heard, response);
        }
        return new DeliveryResult.Permanent("EPS refused " + heard, response);
    }

    /**
     * EPS already holds this prescription id. If an earlier attempt of this same request id (same content) may have
     * landed, that is our own prescription whose answer we lost: acknowledged as already done. Otherwise another
     * prescription holds the id: never a silent success — a CRITICAL clinical-safety alert and a dead letter.
     */
    DeliveryResult duplicate(OutboundRequest request, PrescriptionId id, String heard, Optional<Payload> response) {
        Optional<String> evidence = earlier.mayHaveLanded(request);
        if (evidence.isPresent()) {
            return new DeliveryResult.Acknowledged(ALREADY_DONE + "EPS holds prescription " + id.value() + " from " + evidence.get()
                    + "; same request id, so same content digest (" + heard + ")", response);
        }
        String text = "EPS already holds prescription " + id.value() + " with other content than target '" + request.target().id()
                + "' was sent (request " + request.requestId() + "): two different prescriptions share one id. Check both with the "
                + "prescriber before anything is dispensed; the new one was NOT sent (holdfast:deadletters)";
        alerts.raise(ALERT_PREFIX + id.value(), AlertSeverity.CRITICAL, "eps:" + request.target().id(), text);
        return new DeliveryResult.Permanent("clinical-safety: DUPLICATE_PRESCRIPTION_ID with different content: " + heard, response);
    }
}
