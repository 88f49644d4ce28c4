package io.holdfast.pds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.model.NhsNumber;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.internal.config.PdsSettings;
import io.holdfast.simulator.pds.PdsSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callers on several threads share one bucket: held at PDS's 5 requests/s, the simulator (which counts per sliding
 * second, as the platform does) never answers 429. The control without the limit (50/s, no retries) is throttled.
 */
class RateLimitAgainstSimulatorTest {
    @TempDir
    Path dir;

    private static List<RetrieveResult> burst(PdsFixture pds, int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<RetrieveResult>> all = new ArrayList<>();
            for (int i = 0; i < threads * each; i++) {
                all.add(pool.submit(() -> pds.client.retrieve(NhsNumber.parse("9000000009"))));
            }
            List<RetrieveResult> out = new ArrayList<>();
            for (Future<RetrieveResult> f : all) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void heldAtFivePerSecondTheSimulatorNeverThrottles() throws Exception {
        try (PdsSimulator sim = PdsSimulator.builder().rateLimitPerSecond(5).start();
             PdsFixture pds = PdsFixture.start(dir.resolve("held"), sim.fhirBaseUrl(), PdsSettings.defaults(PdsFixture.SYSTEM).withRetries(1,
                     java.time.Duration.ofSeconds(1)))) {
            long start = System.nanoTime();
            List<RetrieveResult> results = burst(pds, 4, 4);

            assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(RetrieveResult.Found.class));
            assertThat(sim.throttled()).isZero();
            assertThat(System.nanoTime() - start).isGreaterThan(2_500_000_000L);
        }
    }

    @Test
    void withoutTheLimitTheSimulatorThrottles() throws Exception {
        try (PdsSimulator sim = PdsSimulator.builder().rateLimitPerSecond(5).start();
             PdsFixture pds = PdsFixture.start(dir.resolve("unheld"), sim.fhirBaseUrl(), PdsSettings.defaults(PdsFixture.SYSTEM).withTps(100)
                     .withRetries(1, java.time.Duration.ofSeconds(1)))) {
            List<RetrieveResult> results = burst(pds, 4, 4);

            assertThat(sim.throttled()).isPositive();
            assertThat(results).anySatisfy(r -> assertThat(r).isInstanceOf(RetrieveResult.Failed.class));
        }
    }
}
