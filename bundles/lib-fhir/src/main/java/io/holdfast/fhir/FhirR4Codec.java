package io.holdfast.fhir;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.fhir.internal.EventEncoder;
import io.holdfast.fhir.internal.ResourceDecoder;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;

/**
 * FHIR R4 JSON ({@code application/fhir+json}) to and from canonical events: wire format
 * {@code FHIR:R4}, registered as the {@code Codec} service {@code holdfast.format=FHIR}.
 *
 * <p>Decode: a {@code Patient} → {@code DemographicUpdate}; a {@code DiagnosticReport} → {@code LabResult}
 * (observations from {@code result}, subject and results resolved among contained resources or the
 * entries of the enclosing Bundle); an {@code Observation} on its own → a {@code LabResult} of one
 * observation; a {@code Bundle} (transaction, batch, collection, message) → the events of its entries (a
 * Patient that is the subject of a report in the same Bundle is not also a DemographicUpdate). Any other
 * resource type, or a Bundle with none of these, is {@link DecodeResult.Unmapped}. Bad input is
 * {@link DecodeResult.Rejected} with the code {@code FhirException.Problem.name()} and a reason that
 * names elements, never values; decode never throws for bad input.
 *
 * <p>Encode: {@code DemographicUpdate} → Patient; {@code LabResult} → a transaction Bundle (Patient,
 * DiagnosticReport, Observations) with stable {@code urn:uuid} full URLs derived from the event key, so
 * a retried delivery is byte-identical. Other event types throw {@code INVALID_EVENT}.
 */
@org.osgi.annotation.versioning.ProviderType
public final class FhirR4Codec implements Codec<byte[]> {
    private final FhirJson json;

    /** With the default size cap ({@link FhirJson#DEFAULT_MAX_BYTES}). */
    public FhirR4Codec() {
        this(FhirJson.r4());
    }

    public FhirR4Codec(FhirJson json) {
        this.json = json;
    }

    @Override
    public WireFormat format() {
        return WireFormat.fhirR4();
    }

    @Override
    public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
        IBaseResource resource;
        try {
            resource = json.parse(wire);
        } catch (FhirException e) {
            return DecodeResult.rejected(e.problem().name(), e.getMessage());
        }
        return decodeResource(resource, trail);
    }

    /** Decodes an already parsed R4 resource (e.g. one the inbound endpoint validated). */
    public DecodeResult decodeResource(IBaseResource resource, FieldTrail trail) {
        if (!(resource instanceof Resource r4)) {
            return DecodeResult.rejected(FhirException.Problem.UNSUPPORTED_RESOURCE.name(), "not an R4 resource");
        }
        try {
            List<ClinicalEvent> events = ResourceDecoder.decode(r4, trail);
            return events.isEmpty() ? new DecodeResult.Unmapped(r4.fhirType()) : new DecodeResult.Decoded(events);
        } catch (FhirException e) {
            return DecodeResult.rejected(e.problem().name(), e.getMessage());
        } catch (HoldfastException e) {
            // a canonical record refused a value (e.g. an event key part is blank)
            return DecodeResult.rejected(FhirException.Problem.INVALID_VALUE.name(), e.getMessage());
        }
    }

    @Override
    public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        return json.serializeBytes(encodeResource(event, trail));
    }

    /** The R4 resource of {@code event}: a Patient for a DemographicUpdate, a transaction Bundle for a LabResult. */
    public Resource encodeResource(ClinicalEvent event, FieldTrail trail) {
        return EventEncoder.encode(event, trail).orElseThrow(() -> new HoldfastException(ErrorCode.INVALID_EVENT,
                "the FHIR R4 codec cannot express a " + event.type() + " event (it maps DemographicUpdate and LabResult)"));
    }
}
