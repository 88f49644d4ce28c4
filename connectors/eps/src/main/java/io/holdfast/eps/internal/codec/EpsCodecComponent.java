package io.holdfast.eps.internal.codec;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.eps.internal.config.EpsConfig;
import io.holdfast.eps.internal.config.EpsSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/** Registers {@link EpsCodec} as format family {@value EpsCodec#FAMILY}, with the configured prescriber ODS code for orders. */
@Component(service = Codec.class, property = Codec.FORMAT_PROPERTY + "=" + EpsCodec.FAMILY, configurationPid = EpsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class EpsCodecComponent implements Codec<byte[]> {
    private volatile EpsCodec codec;

    @Activate
    @Modified
    void activate(EpsConfig config) {
        EpsSettings settings = EpsSettings.from(config);
        codec = new EpsCodec(settings::prescriberOdsCode);
    }

    @Override
    public WireFormat format() {
        return EpsCodec.FORMAT;
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
