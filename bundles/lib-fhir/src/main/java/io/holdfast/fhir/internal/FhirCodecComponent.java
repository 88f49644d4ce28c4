package io.holdfast.fhir.internal;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.fhir.FhirR4Codec;
import org.osgi.service.component.annotations.Component;

/** The FHIR R4 JSON codec as a service ({@code holdfast.format=FHIR}) for routing and inbound endpoints. */
@Component(service = Codec.class, property = "holdfast.format=FHIR")
public class FhirCodecComponent implements Codec<byte[]> {
    private final FhirR4Codec codec = new FhirR4Codec();

    @Override
    public WireFormat format() {
        return codec.format();
    }

    @Override
    public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
        return codec.decode(wire, envelope, trail);
    }

    @Override
    public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        return codec.encode(event, target, trail);
    }
}
