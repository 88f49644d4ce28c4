package io.holdfast.routing.internal.dispatch;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.Codec;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.route.RouteRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One go at one leased outbox row: look the target up, encode for its format, authenticate with
 * its pattern's provider, and call its transport. Never throws: whatever happens becomes an
 * {@link AttemptOutcome} for the recorder.
 */
final class DeliveryAttempt {
    static final String REQUEST_ID_HEADER = "X-Request-ID";
    /**
     * The received message the delivery comes from, as {@code journal-<journal id>} ({@code holdfast:trace --id}):
     * the same for every target and retry of one inbound message, so calls can be followed across systems.
     */
    static final String CORRELATION_ID_HEADER = "X-Correlation-ID";

    private final Inventory inventory;
    private final ServiceDirectory services;
    private final EventResolver events;
    private final RouteRegistry routes;

    DeliveryAttempt(Inventory inventory, ServiceDirectory services, EventResolver events, RouteRegistry routes) {
        this.inventory = inventory;
        this.routes = routes;
        this.services = services;
        this.events = events;
    }

    AttemptOutcome run(OutboxRow row) {
        try {
            DownstreamSystem system = inventory.find(row.target()).orElseThrow(() -> AttemptStop.waiting("target '"
                    + row.target() + "' is not in the inventory; add it with holdfast:system-add"));
            refuseInvalid(system, row);
            OutboundTransport transport = services.transport(system.transport()).orElseThrow(() -> AttemptStop.waiting(
                    "no outbound transport '" + system.transport() + "' is registered (install its connector feature)"));
            Payload body = body(row, system);
            AuthMaterial auth = authenticate(system);
            Map<String, String> headers = new HashMap<>(transferHeaders(row));
            headers.putAll(routes.headers(row.routeId()));
            headers.put(REQUEST_ID_HEADER, row.requestId());
            headers.putIfAbsent(CORRELATION_ID_HEADER, "journal-" + row.journalId());
            OutboundRequest request = new OutboundRequest(row.requestId(), row.attempts(), system, body, Map.copyOf(headers), auth);
            return new AttemptOutcome.Sent(body, transport.senderIdentity(request).orElse(auth.identity()), call(transport, request, row),
                    row.trackingId().isPresent());
        } catch (AttemptStop stop) {
            return stop.outcome();
        } catch (HoldfastException e) {
            return new AttemptOutcome.Waiting(e.describe());
        } catch (RuntimeException e) {
            // A codec or lookup bug: keep the row and say so, rather than lose it.
            return new AttemptOutcome.Waiting("unexpected " + e.getClass().getSimpleName() + " preparing delivery: " + e.getMessage());
        }
    }

    /**
     * RAW rows and targets whose format is OPAQUE get the journaled bytes as they were received: an opaque
     * target takes the message itself (e.g. a MESH file forwarded to another mailbox), and no codec can rebuild
     * a file from its {@code FileTransfer} event, which holds only the file's digest and metadata.
     */
    private Payload body(OutboxRow row, DownstreamSystem system) throws AttemptStop {
        if (row.raw() || WireFormat.OPAQUE.equals(system.format().family())) {
            return events.rawPayload(row);
        }
        Codec<?> codec = services.codec(system.format().family()).orElseThrow(() -> AttemptStop.waiting("no codec for "
                + system.format().family() + " (the format of '" + system.id() + "') is registered"));
        try {
            return WireBytes.encode(codec, events.event(row), system.format(), new FieldTrail());
        } catch (HoldfastException e) {
            if (e.errorCode() == ErrorCode.INVALID_EVENT) {
                throw AttemptStop.unsendable(e.describe());
            }
            throw e;
        }
    }

    /**
     * A target the inventory reports unusable (e.g. no AuthProvider for its auth pattern) must not keep
     * its rows waiting forever. A tracking row is not stopped: its message is already with the target.
     */
    private void refuseInvalid(DownstreamSystem system, OutboxRow row) throws AttemptStop {
        List<String> problems = inventory.problems(system);
        if (!problems.isEmpty() && row.trackingId().isEmpty()) {
            throw AttemptStop.targetInvalid(ErrorCode.INVALID_CONFIGURATION.code() + " target '" + system.id() + "' is invalid: "
                    + String.join("; ", problems) + " (holdfast:system-show " + system.id() + ")");
        }
    }

    /**
     * A forwarded file's name and subject ({@link TransferHeaders}); a route's own headers override them.
     * After a restart the event of an OPAQUE source (a MESH file read as-is) is no longer cached and has
     * no codec to re-read it: the copy then goes without them rather than not at all.
     */
    private Map<String, String> transferHeaders(OutboxRow row) {
        if (row.raw()) {
            return Map.of();
        }
        try {
            return TransferHeaders.of(events.event(row));
        } catch (AttemptStop eventNotAvailable) {
            return Map.of();
        }
    }

    private AuthMaterial authenticate(DownstreamSystem system) throws AttemptStop {
        Optional<AuthProvider> provider = services.authProvider(system.authPattern());
        if (provider.isEmpty()) {
            if (system.authPattern() == AuthPattern.NONE) {
                return new AuthMaterial.None();
            }
            throw AttemptStop.waiting("no auth provider for " + system.authPattern() + " (needed by '" + system.id() + "')");
        }
        try {
            return provider.get().authenticate(system);
        } catch (HoldfastException e) {
            throw AttemptStop.waiting("credentials for '" + system.id() + "': " + e.describe());
        }
    }

    private static DeliveryResult call(OutboundTransport transport, OutboundRequest request, OutboxRow row) {
        try {
            DeliveryResult r = row.trackingId().isPresent() ? transport.track(request, row.trackingId().get())
                    : transport.deliver(request);
            return r != null ? r : new DeliveryResult.Transient("transport " + transport.transport() + " returned no result",
                    Optional.empty());
        } catch (RuntimeException e) {
            // Transports should not throw; if one does, the outcome is unknown, so retry (the request id makes that safe).
            return new DeliveryResult.Transient("transport " + transport.transport() + " threw " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), Optional.empty());
        }
    }
}
