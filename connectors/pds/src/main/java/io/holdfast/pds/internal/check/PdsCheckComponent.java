package io.holdfast.pds.internal.check;

import io.holdfast.api.spi.Codec;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.pds.PdsService;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Registers {@link PdsCheckTransport} for inventory systems with transport {@value PdsCheckTransport#TRANSPORT}. */
@Component(service = OutboundTransport.class, property = "holdfast.transport=" + PdsCheckTransport.TRANSPORT)
public class PdsCheckComponent implements OutboundTransport {
    private final Map<String, Codec<?>> codecs = new ConcurrentHashMap<>();

    @Reference
    PdsService pds;

    private PdsCheckTransport transport;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCodec(Codec<?> codec, Map<String, Object> properties) {
        codecs.put(Codec.family(codec, properties), codec);
    }

    void removeCodec(Codec<?> codec, Map<String, Object> properties) {
        codecs.remove(Codec.family(codec, properties), codec);
    }

    @Activate
    void activate() {
        transport = new PdsCheckTransport(f -> Optional.ofNullable(codecs.get(f)), pds);
    }

    @Override
    public String transport() {
        return PdsCheckTransport.TRANSPORT;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        return transport.deliver(request);
    }
}
