package io.holdfast.ers.internal.codec;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.fhir.FhirJson;
import org.osgi.service.component.annotations.Component;

/** The {@code ERS:STU3} codec as a service ({@code holdfast.format=ERS}): the dispatcher encodes referrals for ERS targets with it. */
@Component(service = Codec.class, property = Codec.FORMAT_PROPERTY + "=" + ErsStu3Codec.FAMILY)
public class ErsCodecComponent implements Codec<byte[]> {
    private final ErsStu3Codec codec = new ErsStu3Codec(FhirJson.DEFAULT_MAX_BYTES);

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
