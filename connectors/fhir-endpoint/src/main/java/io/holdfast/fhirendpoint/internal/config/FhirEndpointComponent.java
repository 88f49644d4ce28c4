package io.holdfast.fhirendpoint.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Idempotency;
import io.holdfast.api.kernel.Intake;
import io.holdfast.fhirendpoint.internal.inbound.FhirInboundEndpoint;
import io.holdfast.http.FactoryConfig;
import io.holdfast.http.HttpEndpoint;
import java.time.Clock;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound FHIR endpoint per factory configuration ({@code etc/io.holdfast.fhir.endpoint-<name>.cfg}).
 * It registers its {@link HttpEndpoint} on the lib-http whiteboard itself, because the whiteboard
 * properties (listener, path, body cap) come from the validated configuration under other names.
 * A changed configuration re-activates the component (no {@code @Modified}): the endpoint is
 * unregistered and registered again, requests in flight finish on the old one.
 */
@Component(configurationPid = EndpointSettings.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
@Designate(ocd = FhirEndpointConfig.class, factory = true)
public class FhirEndpointComponent {
    private static final Logger LOG = LoggerFactory.getLogger(FhirEndpointComponent.class);

    @Reference
    Intake intake;

    @Reference
    Idempotency idempotency;

    @Reference
    Health health;

    private ServiceRegistration<HttpEndpoint> registration;
    private String component;

    @Activate
    void activate(BundleContext context, Map<String, Object> props) {
        component = "fhir:" + FactoryConfig.of(EndpointSettings.FACTORY_PID, props).name();
        EndpointSettings settings;
        try {
            settings = EndpointSettings.from(props);
        } catch (InvalidConfigurationException e) {
            health.report(component, HealthState.DOWN, e.describe());
            LOG.error("FHIR endpoint not started: {}", e.describe());
            throw e;
        }
        FhirInboundEndpoint endpoint = new FhirInboundEndpoint(settings, AuthenticatorFactory.from(settings, Clock.systemUTC()), intake, idempotency);
        registration = context.registerService(HttpEndpoint.class, endpoint, whiteboardProperties(settings));
        health.report(component, HealthState.UP, "POST " + settings.path() + " on HTTP listener " + settings.listener() + ", auth "
                + settings.auth() + ", maxBodyBytes " + settings.maxBodyBytes() + ", source " + settings.sourceSystem());
        LOG.info("FHIR endpoint {} registered at {} on HTTP listener {} (auth {})", settings.name(), settings.path(), settings.listener(),
                settings.auth());
    }

    static Hashtable<String, Object> whiteboardProperties(EndpointSettings settings) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(HttpEndpoint.LISTENER, settings.listener());
        props.put(HttpEndpoint.PATH, settings.path());
        props.put(HttpEndpoint.MAX_BODY_BYTES, settings.maxBodyBytes());
        props.put("holdfast.fhir.endpoint", settings.name());
        return props;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        health.remove(component);
    }
}
