package io.holdfast.mesh.internal.transport;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.mesh.protocol.MeshHeaders;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * MESH as an {@link OutboundTransport}: sends through the configured mailbox named by the
 * target's endpoint, with {@code mex-LocalID} = the request id. A repeated attempt looks the local
 * id up in tracking before sending, so a message MESH already holds is never sent twice.
 */
@Component(service = OutboundTransport.class, property = "holdfast.transport=" + Transports.MESH)
public class MeshOutboundTransport implements OutboundTransport {
    /** MESH error codes and statuses that no retry will fix. */
    static final Set<String> PERMANENT_CODES = Set.of("02", "06", "07", "08", "11", "12", "17", "InvalidHeaderChunks",
            "UnsupportedContentEncoding");
    static final Set<Integer> PERMANENT_STATUSES = Set.of(400, 404, 406, 417, 422);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<MeshMailbox> mailboxes = new CopyOnWriteArrayList<>();

    /** Local ids whose last attempt MESH refused outright (not ambiguous): the next attempt need not look them up. Bounded. */
    private final Set<String> refusedOutright = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    }));

    @Override
    public String transport() {
        return Transports.MESH;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        MeshAddress address;
        MeshMailbox from;
        try {
            address = MeshAddress.parse(request.target().endpoint(), request.headers());
            from = MeshAddress.pick(mailboxes, address.from());
        } catch (IllegalArgumentException e) {
            return new DeliveryResult.Permanent(e.getMessage(), Optional.empty());
        }
        String localId = request.requestId();
        try {
            OutgoingMessage message = new OutgoingMessage(address.to(), address.workflowId(),
                    Optional.ofNullable(request.headers().get(MeshHeaders.SUBJECT)), Optional.of(localId),
                    Optional.ofNullable(request.headers().get(MeshHeaders.FILE_NAME)), request.body());
            if (request.attempt() > 1) {
                Optional<MeshTracking> known = previousAttempt(from, localId).filter(t -> !t.failed());
                if (known.isPresent() && known.get().uploading()) {
                    SendResult r = from.uploader().resume(known.get().messageId(), message);
                    return accepted(from, r.messageId(), "upload of " + r.messageId() + " completed (" + r.chunks()
                            + " chunks); the first POST was not repeated");
                }
                if (known.isPresent()) {
                    return accepted(from, known.get().messageId(),
                            "already in MESH as " + known.get().messageId() + " (" + known.get().status() + "); not sent again");
                }
            }
            SendResult r = from.uploader().send(message);
            return accepted(from, r.messageId(), "accepted by MESH from " + from.settings().mailboxId() + " in "
                    + r.chunks() + " chunk(s)" + (r.gzipped() ? ", gzipped" : "") + (r.foundByLocalId() ? ", found by local id" : ""));
        } catch (MeshException e) {
            if (!e.ambiguous() && from.uploader().unfinished(localId).isEmpty()) {
                refusedOutright.add(localId);
            }
            return classify(e);
        } catch (UncheckedIOException e) {
            return new DeliveryResult.Transient("could not read the payload: " + e.getMessage(), Optional.empty());
        }
    }

    /**
     * What MESH has from an earlier attempt with this local id. An upload this process started is
     * asked for by its message id (v2 tracking); an attempt MESH refused outright left nothing; only
     * when the earlier outcome is unknown (no answer to the first POST, or a restart since) is the
     * deprecated local-id lookup used.
     */
    private Optional<MeshTracking> previousAttempt(MeshMailbox from, String localId) {
        Optional<String> unfinished = from.uploader().unfinished(localId);
        if (unfinished.isPresent()) {
            return Optional.of(from.client().track(unfinished.get()));
        }
        if (refusedOutright.remove(localId)) {
            return Optional.empty();
        }
        return from.client().trackByLocalId(localId);
    }

    private static DeliveryResult.Accepted accepted(MeshMailbox from, String messageId, String summary) {
        DeliveryResult.Accepted a = new DeliveryResult.Accepted(messageId, summary);
        from.tracking().accepted(messageId, a);
        return a;
    }

    /** The sending mailbox and its TLS certificate: what the SENT stage records (the target's auth pattern is NONE). */
    @Override
    public Optional<CredentialIdentity> senderIdentity(OutboundRequest request) {
        try {
            return Optional.of(MeshAddress.pick(mailboxes, MeshAddress.parse(request.target().endpoint(), request.headers()).from())
                    .senderIdentity());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public DeliveryResult track(OutboundRequest request, String trackingId) {
        MeshMailbox from;
        try {
            from = MeshAddress.pick(mailboxes, MeshAddress.parse(request.target().endpoint(), request.headers()).from());
        } catch (IllegalArgumentException e) {
            return new DeliveryResult.Permanent(e.getMessage(), Optional.empty());
        }
        Optional<DeliveryResult> notYet = from.tracking().notYet(trackingId);
        if (notYet.isPresent()) {
            return notYet.get();
        }
        DeliveryResult r = askTracking(from, trackingId);
        from.tracking().answered(trackingId, r);
        return r;
    }

    private static DeliveryResult askTracking(MeshMailbox from, String trackingId) {
        try {
            MeshTracking t = from.client().track(trackingId);
            if (t.acknowledged()) {
                return new DeliveryResult.Acknowledged("MESH " + trackingId + " acknowledged by " + t.recipient().orElse("recipient"),
                        Optional.empty());
            }
            if (t.failed()) {
                return new DeliveryResult.Permanent("MESH " + trackingId + " " + t.status() + t.statusCode().map(c -> " code " + c).orElse("")
                        + t.statusDescription().map(d -> ": " + d).orElse(""), Optional.empty());
            }
            return new DeliveryResult.Accepted(trackingId, "MESH " + trackingId + " " + t.status());
        } catch (MeshException e) {
            // 404: MESH no longer has the message (deleted after 30 days, or lost by the MESH side). It will never be
            // acknowledged; tracking it again forever would keep the row open and hide that from the admin.
            if (e.status() == 404) {
                return new DeliveryResult.Permanent("MESH does not know message " + trackingId + " any more (" + e.describe()
                        + "); replay the row to send it again", Optional.empty());
            }
            return new DeliveryResult.Transient("tracking failed: " + e.describe(), Optional.empty());
        } catch (HoldfastException e) {
            return new DeliveryResult.Transient("tracking failed: " + e.describe(), Optional.empty());
        }
    }

    static DeliveryResult classify(MeshException e) {
        if (PERMANENT_CODES.contains(e.meshCode()) || PERMANENT_STATUSES.contains(e.status())) {
            return new DeliveryResult.Permanent(e.describe(), Optional.empty());
        }
        return new DeliveryResult.Transient(e.describe(), e.retryAfter());
    }
}
