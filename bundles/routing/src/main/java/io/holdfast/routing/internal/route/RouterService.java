package io.holdfast.routing.internal.route;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.message.Envelope;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The kernel {@link Router} service. Disabled until {@link RouteLoadGate} has seen every route
 * configuration present at start applied, so the Router (and the MLLP listeners and MESH pollers,
 * which require it) never serve input while routes are still loading: without it, Intake refuses.
 */
@Component(service = Router.class, enabled = false)
public class RouterService implements Router {
    private final RouteRegistry registry;

    @Activate
    public RouterService(@Reference RouteRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<Target> targets(Envelope envelope, ClinicalEvent event) {
        return registry.targets(envelope, event);
    }

    @Override
    public List<Target> passthroughTargets(Envelope envelope) {
        return registry.passthroughTargets(envelope);
    }
}
