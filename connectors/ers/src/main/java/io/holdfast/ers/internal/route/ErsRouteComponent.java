package io.holdfast.ers.internal.route;

import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.ers.internal.ErsServiceComponent;
import io.holdfast.ers.internal.RoutedReview;
import io.holdfast.fhir.FhirJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers {@link ErsTransport} for inventory systems with transport {@value ErsTransport#TRANSPORT}, format
 * {@code ERS:STU3} and auth NONE (Karaf: ERS in {@code extraTransports} and {@code extraFormats} of PID
 * io.holdfast.inventory).
 */
@Component(service = OutboundTransport.class, property = "holdfast.transport=" + ErsTransport.TRANSPORT)
public class ErsRouteComponent implements OutboundTransport {
    @Reference
    ErsServiceComponent ers;

    private ErsTransport transport;

    @Activate
    void activate() {
        transport = new ErsTransport(new io.holdfast.ers.internal.codec.ErsStu3Codec(FhirJson.DEFAULT_MAX_BYTES), () -> RoutedReview.of(ers.client()));
    }

    @Override
    public String transport() {
        return ErsTransport.TRANSPORT;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        return transport.deliver(request);
    }
}
