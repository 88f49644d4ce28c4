package io.holdfast.eps.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.event.DispenseNotification;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.event.PrescriptionId;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.eps.CallContext;
import io.holdfast.eps.EpsResult;
import io.holdfast.eps.EpsService;
import io.holdfast.eps.PrepareResult;
import io.holdfast.eps.PrescriberSignature;
import io.holdfast.eps.ReleaseResult;
import io.holdfast.eps.internal.codec.DispenseBundles;
import io.holdfast.eps.internal.codec.EpsBundleReader;
import io.holdfast.eps.internal.codec.EpsFhir;
import io.holdfast.eps.internal.codec.Json;
import io.holdfast.eps.internal.codec.PrescriptionBundles;
import io.holdfast.eps.internal.codec.Signatures;
import io.holdfast.eps.internal.transport.AuthProviders;
import io.holdfast.eps.internal.transport.EpsCallJournal;
import io.holdfast.eps.internal.transport.EpsRetries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@link EpsService} on {@link EpsCalls}: builds each request body (the same codec the route target uses), picks the
 * credentials (CIS2 user token for prescribing when the caller gives one, else the inventory entry's provider) and
 * reads the answer into a typed result.
 */
public final class EpsClient implements EpsService {
    private final EpsCalls calls;

    public EpsClient(Inventory inventory, String systemId, AuthProviders auth, EpsRetries retries, EpsCallJournal journal) {
        this.calls = new EpsCalls(inventory, systemId, auth, retries, journal);
    }

    @Override
    public PrepareResult prepare(Prescription prescription, CallContext context) {
        EpsResult r = calls.send("prepare", "/$prepare", prescription.prescriptionId().value(), json(PrescriptionBundles.message(prescription,
                new FieldTrail())), context, true);
        if (!(r instanceof EpsResult.Done d)) {
            return new PrepareResult.NotPrepared(r);
        }
        try {
            JsonNode params = Json.MAPPER.readTree(d.body());
            return new PrepareResult.Prepared(parameter(params, "digest"), parameter(params, "algorithm"), parameter(params, "timestamp"));
        } catch (IOException | IllegalArgumentException e) {
            return new PrepareResult.NotPrepared(new EpsResult.Failed("BAD_RESPONSE", "the $prepare answer has no Parameters digest", false));
        }
    }

    @Override
    public EpsResult submit(Prescription prescription, PrescriberSignature signature, CallContext context) {
        if (PrescriptionBundles.isCancel(prescription)) {
            return new EpsResult.Failed("BAD_REQUEST_BODY", "a cancelled prescription is sent with cancel(), unsigned", false);
        }
        byte[] body = json(Signatures.signed(PrescriptionBundles.message(prescription, new FieldTrail()), signature));
        return calls.send("process-message", "/$process-message", prescription.prescriptionId().value(), body, context, true);
    }

    @Override
    public EpsResult submitSigned(byte[] signedOrderBundle, CallContext context) {
        PrescriptionId id;
        try {
            JsonNode bundle = Json.MAPPER.readTree(signedOrderBundle);
            if (!EpsFhir.ORDER.equals(EpsBundleReader.eventCode(bundle))) {
                return new EpsResult.Failed("BAD_REQUEST_BODY", "not a prescription-order message", false);
            }
            if (!hasSignature(bundle)) {
                return new EpsResult.Failed("BAD_REQUEST_BODY", "the prescription-order carries no Provenance signature; sign it first ($prepare)", false);
            }
            id = EpsBundleReader.prescriptionId(bundle);
        } catch (IOException | RuntimeException e) {
            return new EpsResult.Failed("BAD_REQUEST_BODY", "not an EPS message bundle (" + e.getClass().getSimpleName() + ")", false);
        }
        return calls.send("process-message", "/$process-message", id.value(), signedOrderBundle, context, true);
    }

    @Override
    public EpsResult cancel(Prescription cancelled, CallContext context) {
        if (!PrescriptionBundles.isCancel(cancelled)) {
            return new EpsResult.Failed("BAD_REQUEST_BODY", "a cancellation needs prescription status 'cancelled'", false);
        }
        return calls.send("process-message", "/$process-message", cancelled.prescriptionId().value(),
                json(PrescriptionBundles.message(cancelled, new FieldTrail())), context, true);
    }

    @Override
    public EpsResult dispense(DispenseNotification notification, CallContext context) {
        return calls.send("process-message", "/$process-message", notification.prescriptionId().value(),
                json(DispenseBundles.message(notification, new FieldTrail())), context, false);
    }

    @Override
    public ReleaseResult release(String pharmacyOds, Optional<PrescriptionId> prescription, CallContext context) {
        String ods = pharmacyOds == null ? "" : pharmacyOds.trim();
        if (!ods.matches("[A-Z0-9]{3,6}")) {
            return new ReleaseResult.NotReleased(new EpsResult.Failed("BAD_REQUEST_BODY", "a pharmacy ODS code is 3-6 capital letters and digits", false));
        }
        EpsResult r = calls.send("release", "/Task/$release", prescription.map(PrescriptionId::value).orElse(ods),
                json(ReleaseRequests.parameters(ods, prescription)), context, false);
        return r instanceof EpsResult.Done d ? ReleaseRequests.read(d.body()) : new ReleaseResult.NotReleased(r);
    }

    @Override
    public EpsResult claim(DispenseNotification notification, CallContext context) {
        return calls.send("claim", "/Claim", notification.prescriptionId().value(), json(DispenseBundles.claim(notification, new FieldTrail())),
                context, false);
    }

    /** The inventory entry this client calls (for commands). */
    public Optional<DownstreamSystem> system() {
        return calls.system();
    }

    private static boolean hasSignature(JsonNode bundle) {
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            if ("Provenance".equals(r.path("resourceType").asText()) && !r.path("signature").path(0).path("data").asText("").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String parameter(JsonNode params, String name) {
        for (JsonNode p : params.path("parameter")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("valueString").asText(p.path("valueCode").asText(""));
            }
        }
        throw new IllegalArgumentException("no parameter " + name);
    }

    static byte[] json(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unwritable FHIR tree", e);
        }
    }
}
