package io.holdfast.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Lease;
import io.holdfast.health.internal.HealthRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases over the real store on embedded Derby in a temp folder, with a clock the test moves. */
class KernelLeasesTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T08:00:00Z"));
    private final HealthRegistry health = new HealthRegistry();
    private JdbcStore store;
    private KernelLeases leases;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        store = new JdbcStore(ds, "test");
        leases = new KernelLeases(store, health, clock);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    @Test
    void firstHolderGetsTokenOneAndAnotherHolderIsRefused() {
        Lease a = leases.acquire("mesh:X26ABC1:poller", "node-a", MINUTE).orElseThrow();
        assertThat(a.token()).isEqualTo(1);
        assertThat(a.expiresAt()).isEqualTo(clock.instant().plus(MINUTE));
        assertThat(leases.acquire("mesh:X26ABC1:poller", "node-b", MINUTE)).isEmpty();
        assertThat(leases.current("mesh:X26ABC1:poller")).contains(a);
        assertThat(leases.check(a)).isTrue();
        assertThat(health.components()).anySatisfy(c -> {
            assertThat(c.component()).isEqualTo("leases");
            assertThat(c.state()).isEqualTo(HealthState.UP);
        });
    }

    @Test
    void theHolderAcquiringAgainRenewsAndKeepsItsToken() {
        Lease first = leases.acquire("l", "node-a", MINUTE).orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        Lease again = leases.acquire("l", "node-a", MINUTE).orElseThrow();
        assertThat(again.token()).isEqualTo(first.token());
        assertThat(again.expiresAt()).isEqualTo(clock.instant().plus(MINUTE));
        assertThat(leases.check(first)).as("same tenure").isTrue();
    }

    @Test
    void expiryTakeoverIncrementsTokenAndFencesTheStaleHolder() {
        Lease a = leases.acquire("l", "node-a", MINUTE).orElseThrow();
        clock.advance(MINUTE);
        assertThat(leases.check(a)).as("expired at expiresAt").isFalse();
        assertThat(leases.current("l")).isEmpty();

        Lease b = leases.acquire("l", "node-b", MINUTE).orElseThrow();
        assertThat(b.token()).isEqualTo(a.token() + 1);
        assertThat(leases.check(a)).isFalse();
        assertThat(leases.renew(a, MINUTE)).as("renew after loss").isEmpty();
        assertThat(leases.check(b)).isTrue();
        leases.release(a);
        assertThat(leases.check(b)).as("releasing a lost lease is a no-op").isTrue();
    }

    @Test
    void anExpiredHolderComingBackStartsANewTenure() {
        Lease a = leases.acquire("l", "node-a", MINUTE).orElseThrow();
        clock.advance(Duration.ofMinutes(2));
        Lease back = leases.acquire("l", "node-a", MINUTE).orElseThrow();
        assertThat(back.token()).isEqualTo(a.token() + 1);
        assertThat(leases.check(a)).as("work of the paused first tenure must stop").isFalse();
    }

    @Test
    void renewExtendsAStillHeldLease() {
        Lease a = leases.acquire("l", "node-a", MINUTE).orElseThrow();
        clock.advance(Duration.ofSeconds(50));
        Lease renewed = leases.renew(a, MINUTE).orElseThrow();
        assertThat(renewed.token()).isEqualTo(a.token());
        clock.advance(Duration.ofSeconds(50));
        assertThat(leases.check(renewed)).isTrue();
        assertThat(leases.acquire("l", "node-b", MINUTE)).isEmpty();
    }

    @Test
    void releaseLetsAnotherHolderTakeOverAtOnceWithAHigherToken() {
        Lease a = leases.acquire("l", "node-a", MINUTE).orElseThrow();
        leases.release(a);
        assertThat(leases.check(a)).isFalse();
        assertThat(leases.current("l")).isEmpty();
        Lease b = leases.acquire("l", "node-b", MINUTE).orElseThrow();
        assertThat(b.token()).isEqualTo(2);
    }

    @Test
    void tokensKeepGrowingAcrossARestart() {
        Lease a = leases.acquire("l", "node-a", MINUTE).orElseThrow();
        leases.release(a);
        KernelLeases reopened = new KernelLeases(new JdbcStore(store.dataSource(), "test"), health, clock);
        assertThat(reopened.acquire("l", "node-b", MINUTE).orElseThrow().token()).isEqualTo(2);
    }

    @Test
    void twoHoldersRacingNeverBothWin() throws Exception {
        for (int round = 0; round < 40; round++) {
            String name = "race-" + round;
            if (round % 2 == 1) { // odd rounds race for an expired lease, even rounds for a new one
                leases.acquire(name, "node-old", MINUTE);
                clock.advance(MINUTE);
            }
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Optional<Lease>>> results = new ArrayList<>();
            for (String holder : List.of("node-a", "node-b")) {
                Callable<Optional<Lease>> race = () -> {
                    start.await();
                    return leases.acquire(name, holder, MINUTE);
                };
                results.add(pool.submit(race));
            }
            List<Lease> won = new ArrayList<>();
            for (Future<Optional<Lease>> f : results) {
                f.get().ifPresent(won::add);
            }
            assertThat(won).as("round " + round).hasSize(1);
            assertThat(leases.current(name)).contains(won.get(0));
            assertThat(won.get(0).token()).isEqualTo(round % 2 == 1 ? 2 : 1);
        }
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> leases.acquire(" ", "node-a", MINUTE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> leases.acquire("l", "node-a", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> leases.acquire("l", "x".repeat(201), MINUTE)).isInstanceOf(IllegalArgumentException.class);
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
