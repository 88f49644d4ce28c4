package io.holdfast.mllp.internal.transport;

import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The MLLP {@link OutboundTransport} ({@code holdfast.transport=MLLP}) the dispatcher calls for MLLP targets. */
@Component(service = OutboundTransport.class, property = "holdfast.transport=MLLP", configurationPid = "io.holdfast.mllp.outbound",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MllpSenderComponent.Config.class)
public class MllpSenderComponent implements OutboundTransport {

    @ObjectClassDefinition(name = "Holdfast MLLP outbound", description = "Timeouts and connection reuse of the MLLP sender")
    public @interface Config {
        @AttributeDefinition(description = "TCP connect timeout, milliseconds")
        int connectTimeoutMs() default 5000;

        @AttributeDefinition(description = "How long to wait for the ACK, milliseconds")
        int ackTimeoutMs() default 30000;

        @AttributeDefinition(description = "Idle connections kept per endpoint")
        int maxIdlePerEndpoint() default 4;
    }

    private MllpSender sender;

    @Activate
    void activate(Config config) {
        sender = new MllpSender(Duration.ofMillis(Math.max(100, config.connectTimeoutMs())), Duration.ofMillis(Math.max(100, config.ackTimeoutMs())),
                Math.max(0, config.maxIdlePerEndpoint()));
    }

    @Deactivate
    void deactivate() {
        sender.close();
    }

    @Override
    public String transport() {
        return sender.transport();
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        return sender.deliver(request);
    }
}
