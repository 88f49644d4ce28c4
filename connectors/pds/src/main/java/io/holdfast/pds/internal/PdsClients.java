package io.holdfast.pds.internal;

import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.pds.internal.cache.PatientCache;
import io.holdfast.pds.internal.codec.PatientMapping;
import io.holdfast.pds.internal.codec.PdsRecords;
import io.holdfast.pds.internal.config.PdsSettings;
import io.holdfast.pds.internal.transport.AuthProviders;
import io.holdfast.pds.internal.transport.PdsCallJournal;
import io.holdfast.pds.internal.transport.PdsHttpClient;
import io.holdfast.pds.internal.transport.TokenBucket;
import java.time.Clock;
import java.time.Duration;

/** Builds a {@link PdsClient} from its collaborators: the DS component's wiring, and the tests' and benchmark's. */
public final class PdsClients {
    static final Duration JOURNAL_WAIT = Duration.ofSeconds(30);

    private PdsClients() {
    }

    /** What one client is made of; {@code bucket} is the application's, shared by every client of it in this JVM. */
    public record Parts(PdsSettings settings, Inventory inventory, Intake intake, AuthProviders auth,
                        PatientMapping mapping, TokenBucket bucket, Clock clock) {
    }

    public static PdsClient create(Parts p) {
        PdsHttpClient http = new PdsHttpClient(p.settings(), p.bucket());
        PdsCallJournal journal = new PdsCallJournal(p.intake(), p.clock(), JOURNAL_WAIT);
        PdsCalls calls = new PdsCalls(p.settings(), p.inventory(), http, journal);
        PatientCache cache = new PatientCache(p.settings().cacheTtl(), p.settings().cacheMaxEntries(), p.clock());
        return new PdsClient(calls, p.auth(), new PdsRecords(p.mapping()), cache);
    }
}
