package io.holdfast.eps.internal.outbox;

import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.eps.internal.config.EpsConfig;
import io.holdfast.eps.internal.config.EpsSettings;
import io.holdfast.eps.internal.transport.AuthProviders;
import io.holdfast.eps.internal.transport.EpsHttp;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Registers {@link EpsTransport} for inventory systems with transport {@value EpsTransport#TRANSPORT}. */
@Component(service = OutboundTransport.class, property = "holdfast.transport=" + EpsTransport.TRANSPORT, configurationPid = EpsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class EpsTransportComponent implements OutboundTransport {
    private final AuthProviders auth = new AuthProviders();

    @Reference
    Journal journal;

    @Reference
    Alerts alerts;

    private volatile EpsTransport transport;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        auth.add(provider, properties);
    }

    void removeAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        auth.remove(provider, properties);
    }

    @Activate
    @Modified
    void activate(EpsConfig config) {
        transport = new EpsTransport(new EpsHttp(EpsSettings.from(config)), journal, alerts,
                r -> auth.forPattern(r.target().authPattern()).ifPresent(p -> p.invalidate(r.target())));
    }

    @Override
    public String transport() {
        return EpsTransport.TRANSPORT;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        return transport.deliver(request);
    }
}
