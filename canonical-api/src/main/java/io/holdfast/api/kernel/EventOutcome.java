package io.holdfast.api.kernel;

import io.holdfast.api.event.EventKey;
import java.util.List;

/** How Intake handled one event of a message: its claim outcome and the targets it was routed to. */
@org.osgi.annotation.versioning.ProviderType
public record EventOutcome(EventKey key, String type, ClaimOutcome claim, List<String> routedTo) {
    public EventOutcome {
        routedTo = List.copyOf(routedTo);
    }
}
