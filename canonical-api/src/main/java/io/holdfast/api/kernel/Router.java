package io.holdfast.api.kernel;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.Envelope;
import java.util.List;

/**
 * Chooses the inventory targets for an event. Intake calls it inside its batch transaction and
 * writes one outbox row per target, so an acknowledgement means "durably accepted and scheduled".
 */
@org.osgi.annotation.versioning.ProviderType
public interface Router {

    /** A chosen target: route id, inventory system id, and whether delivery is ordered per patient. */
    record Target(String routeId, String systemId, boolean ordered) {
    }

    List<Target> targets(Envelope envelope, ClinicalEvent event);

    /**
     * Targets for a message no codec maps (its type is known to no codec, so it has no canonical
     * events): only routes that ask for raw passthrough. None unless the router supports it.
     */
    default List<Target> passthroughTargets(Envelope envelope) {
        return List.of();
    }
}
