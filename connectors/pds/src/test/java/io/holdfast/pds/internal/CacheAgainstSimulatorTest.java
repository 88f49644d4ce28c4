package io.holdfast.pds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.model.NhsNumber;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.PatchOperation;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.UpdateRequest;
import io.holdfast.pds.UpdateResult;
import io.holdfast.pds.internal.config.PdsSettings;
import io.holdfast.simulator.pds.PdsSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IG-safe cache in use: hits make no call, restricted records always do, updates and supersession invalidate. */
class CacheAgainstSimulatorTest {
    @TempDir
    Path dir;

    @Test
    void cacheServesUnrestrictedOnlyAndIsInvalidatedByUpdateAndSupersession() {
        try (PdsSimulator sim = PdsSimulator.builder().rateLimitPerSecond(0).start();
             PdsFixture pds = PdsFixture.start(dir, sim.fhirBaseUrl(),
                     PdsSettings.defaults(PdsFixture.SYSTEM).withTps(50).withCache(Duration.ofMinutes(10), 100))) {
            NhsNumber jane = NhsNumber.parse("9000000009");
            assertThat(((RetrieveResult.Found) pds.client.retrieve(jane)).fromCache()).isFalse();
            long calls = sim.requests();
            RetrieveResult.Found hit = (RetrieveResult.Found) pds.client.retrieve(jane);
            assertThat(hit.fromCache()).isTrue();
            assertThat(sim.requests()).isEqualTo(calls);

            NhsNumber restricted = NhsNumber.parse("9000000025");
            pds.client.retrieve(restricted);
            assertThat(((RetrieveResult.Found) pds.client.retrieve(restricted)).fromCache()).isFalse();
            assertThat(sim.requests()).isEqualTo(calls + 2);
            assertThat(pds.client.cache().holdsRestricted()).isFalse();

            pds.auth.exchange(new io.holdfast.api.kernel.UserTokenExchange() {
                @Override
                public io.holdfast.api.spi.AuthMaterial.Headers exchange(io.holdfast.api.kernel.DownstreamSystem s, String t) {
                    return new io.holdfast.api.spi.AuthMaterial.Headers(java.util.Map.of(), java.util.Optional.empty(),
                            java.time.Instant.now().plusSeconds(60), io.holdfast.api.spi.CredentialIdentity.NONE);
                }

                @Override
                public void invalidate(io.holdfast.api.kernel.DownstreamSystem s, String t) {
                }
            });
            UpdateResult u = pds.client.update(new UpdateRequest(jane, List.of(PatchOperation.replace("/gender", "\"male\"")),
                    hit.record().version(), "id-token"), CallContext.none());
            assertThat(u).isInstanceOf(UpdateResult.Updated.class);
            RetrieveResult.Found after = (RetrieveResult.Found) pds.client.retrieve(jane);
            assertThat(after.fromCache()).isFalse();
            assertThat(after.record().version()).isEqualTo(hit.record().version() + 1);

            // a number found superseded never answers from the cache; the replacement is kept under its own number
            NhsNumber merged = NhsNumber.parse("9000000041");
            assertThat(pds.client.retrieve(merged)).isInstanceOf(RetrieveResult.Superseded.class);
            assertThat(pds.client.retrieve(merged)).isInstanceOf(RetrieveResult.Superseded.class);
            assertThat(((RetrieveResult.Found) pds.client.retrieve(NhsNumber.parse("9000000068"))).fromCache()).isTrue();
        }
    }
}
