package io.holdfast.hl7v2.internal;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.hl7v2.Hl7v2Codec;
import org.osgi.service.component.annotations.Component;

/** The HL7 v2 codec as a service ({@code holdfast.format=HL7V2}) for the dispatcher and other connectors. */
@Component(service = Codec.class, property = "holdfast.format=HL7V2")
public class Hl7v2CodecComponent implements Codec<byte[]> {
    private final Hl7v2Codec codec = new Hl7v2Codec();

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
