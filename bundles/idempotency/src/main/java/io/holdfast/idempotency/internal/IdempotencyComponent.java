package io.holdfast.idempotency.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Idempotency;
import io.holdfast.idempotency.api.Claims;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.store.api.Store;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Offers {@link Idempotency} and {@link Claims} once its table is migrated. */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.holdfast.api.kernel.Idempotency,io.holdfast.idempotency.api.Claims", uses = {Idempotency.class, Claims.class})
@Component(immediate = true)
public class IdempotencyComponent {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyComponent.class);

    @Reference
    Store store;

    @Reference
    JournalWriter writer;

    @Reference
    Health health;

    private ServiceRegistration<?> registration;

    @Activate
    void activate(BundleContext context) {
        try {
            IdempotencyCore core = new IdempotencyCore(store, writer);
            registration = context.registerService(new String[] {Idempotency.class.getName(), Claims.class.getName()}, core, null);
            health.report("idempotency", HealthState.UP, "natural-key claims ready");
        } catch (HoldfastException e) {
            health.report("idempotency", HealthState.DOWN, e.describe());
            LOG.error("Idempotency not started: {}", e.describe());
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
