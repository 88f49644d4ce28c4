package io.holdfast.ers.internal;

import io.holdfast.api.kernel.Health;
import io.holdfast.ers.internal.config.ErsConfig;

/** Lets tests in other packages activate the DS component as Declarative Services would (package-private fields). */
public final class ErsServiceComponentAccess {
    private ErsServiceComponentAccess() {
    }

    public static ErsServiceComponent activate(Health health, ErsConfig config) {
        ErsServiceComponent c = new ErsServiceComponent();
        c.health = health;
        c.activate(config);
        return c;
    }
}
