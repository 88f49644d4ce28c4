package io.holdfast.pds.internal.check;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.PatientEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.api.spi.Codec;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.PdsService;
import io.holdfast.pds.RetrieveResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Route target {@value #TRANSPORT}: checks the patient of each routed event against PDS and flags what disagrees (NHS
 * number superseded, invalidated or unknown; birth date, family or given name) for review. It never changes the event
 * or anything downstream: the finding is the ACKED stage's detail on the event's journal entry (sealed at rest), which
 * {@code holdfast:pds-mismatches} lists. The routed body is decoded with the codec of the target's format (e.g. HL7V2).
 * A PDS outage or throttling is {@link DeliveryResult.Transient}, so the routing outbox retries with backoff.
 */
public final class PdsCheckTransport implements OutboundTransport {
    public static final String TRANSPORT = "PDS_CHECK";
    public static final String MISMATCH = "PDS mismatch: ";
    public static final String MATCH = "PDS check: ";
    private final Function<String, Optional<Codec<?>>> codecs;
    private final PdsService pds;

    public PdsCheckTransport(Function<String, Optional<Codec<?>>> codecs, PdsService pds) {
        this.codecs = codecs;
        this.pds = pds;
    }

    @Override
    public String transport() {
        return TRANSPORT;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        Optional<Patient> patient;
        try {
            patient = patient(request);
        } catch (IllegalStateException e) {
            return new DeliveryResult.Permanent(e.getMessage(), Optional.empty());
        }
        if (patient.isEmpty()) {
            return new DeliveryResult.Acknowledged(MATCH + "skipped, the event has no patient", Optional.empty());
        }
        Optional<NhsNumber> nhs = patient.get().nhsNumber();
        if (nhs.isEmpty()) {
            return new DeliveryResult.Acknowledged(MATCH + "skipped, no NHS number (local identifiers only)", Optional.empty());
        }
        RetrieveResult result = pds.retrieve(nhs.get(), CallContext.of(request.requestId(), "route target " + request.target().id()));
        return judge(patient.get(), result);
    }

    static DeliveryResult judge(Patient inbound, RetrieveResult result) {
        if (result instanceof RetrieveResult.Found f) {
            return compared(inbound, f.record().patient(), "", f.record().version());
        }
        if (result instanceof RetrieveResult.Superseded s) {
            return compared(inbound, s.record().patient(), "NHS number superseded by " + s.current().value(), s.record().version());
        }
        if (result instanceof RetrieveResult.Invalidated) {
            return flagged("NHS number invalidated in PDS (INVALIDATED_RESOURCE)");
        }
        if (result instanceof RetrieveResult.NotFound) {
            return flagged("NHS number not known to PDS (RESOURCE_NOT_FOUND)");
        }
        if (result instanceof RetrieveResult.InvalidNumber i) {
            return flagged("NHS number refused by PDS: " + i.reason());
        }
        RetrieveResult.Failed failed = (RetrieveResult.Failed) result;
        String reason = "PDS check not done: " + failed.failure().code() + " " + failed.failure().reason();
        return failed.failure().retryable() ? new DeliveryResult.Transient(reason, Optional.empty())
                : new DeliveryResult.Permanent(reason, Optional.empty());
    }

    private static DeliveryResult compared(Patient inbound, Patient pdsPatient, String numberFinding, int version) {
        List<String> fields = DemographicComparison.mismatches(inbound, pdsPatient);
        if (fields.isEmpty() && numberFinding.isEmpty()) {
            return new DeliveryResult.Acknowledged(MATCH + "NHS number, birth date and name agree with PDS v" + version, Optional.empty());
        }
        String what = numberFinding + (numberFinding.isEmpty() || fields.isEmpty() ? "" : "; ")
                + (fields.isEmpty() ? "" : "differs from PDS v" + version + " in " + String.join(", ", fields));
        return flagged(what);
    }

    private static DeliveryResult flagged(String what) {
        return new DeliveryResult.Acknowledged(MISMATCH + what + "; flagged for review, nothing was changed", Optional.empty());
    }

    @SuppressWarnings("unchecked")
    private Optional<Patient> patient(OutboundRequest request) {
        String family = request.target().format().family();
        Codec<?> codec = codecs.apply(family).orElseThrow(() -> new IllegalStateException("no codec for format " + family
                + " is installed; the PDS check of system '" + request.target().id() + "' needs one to read the event"));
        byte[] bytes;
        try (InputStream in = request.body().open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the routed body could not be read (" + e.getClass().getSimpleName() + ")");
        }
        Envelope envelope = Envelope.of(request.requestId(), request.target().id(), "pds-check:" + request.target().id(),
                request.target().format());
        DecodeResult decoded;
        try {
            decoded = ((Codec<byte[]>) codec).decode(bytes, envelope, new FieldTrail());
        } catch (ClassCastException e) {
            throw new IllegalStateException("the " + family + " codec does not read bytes; choose a byte-based format for system '"
                    + request.target().id() + "'");
        }
        if (decoded instanceof DecodeResult.Rejected r) {
            throw new IllegalStateException("the routed body did not decode as " + family + " (" + r.code() + ")");
        }
        if (!(decoded instanceof DecodeResult.Decoded d)) {
            return Optional.empty();
        }
        return d.events().stream().filter(PatientEvent.class::isInstance).map(ClinicalEvent.class::cast)
                .map(e -> ((PatientEvent) e).patient()).findFirst();
    }
}
