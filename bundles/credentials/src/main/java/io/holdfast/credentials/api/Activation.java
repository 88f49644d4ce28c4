package io.holdfast.credentials.api;

import java.time.Instant;
import java.util.Objects;

/** When an imported version becomes the one providers use. Until then the previous version stays active. */
public sealed interface Activation permits Activation.Default, Activation.Now, Activation.Manual, Activation.At {

    /** The first version of an entry is active at once; later ones wait for an admin ({@link Manual}). */
    record Default() implements Activation {
    }

    /** Active as soon as it is imported. */
    record Now() implements Activation {
    }

    /** Pending until {@code holdfast:cred-activate} (or {@link VaultAdmin#activate}). */
    record Manual() implements Activation {
    }

    /** Scheduled: becomes active at {@code instant} without anyone acting. */
    record At(Instant instant) implements Activation {
        public At {
            Objects.requireNonNull(instant, "instant");
        }
    }
}
