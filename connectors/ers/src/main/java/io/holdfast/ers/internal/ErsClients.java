package io.holdfast.ers.internal;

import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.ers.internal.config.ErsRoles;
import io.holdfast.ers.internal.config.ErsSettings;
import io.holdfast.ers.internal.transport.ErsAuthSources;
import io.holdfast.ers.internal.transport.ErsCallJournal;
import io.holdfast.ers.internal.transport.ErsHttpClient;
import java.time.Clock;
import java.time.Duration;

/** Wires an {@link ErsClient} as the DS component does (tests build it the same way). */
public final class ErsClients {
    /** How long a call waits for the journal's commit before it fails as JOURNAL_UNAVAILABLE. */
    static final Duration JOURNAL_WAIT = Duration.ofSeconds(30);

    public record Parts(ErsSettings settings, Inventory inventory, Intake intake, ErsAuthSources auth, ErsRoles roles, Clock clock) {
    }

    private ErsClients() {
    }

    public static ErsClient create(Parts p) {
        ErsCalls calls = new ErsCalls(p.settings(), p.inventory(), p.auth(), p.roles(), new ErsHttpClient(p.settings()),
                new ErsCallJournal(p.intake(), p.clock(), JOURNAL_WAIT));
        return new ErsClient(calls);
    }
}
