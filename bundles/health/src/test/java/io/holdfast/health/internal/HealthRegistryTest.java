package io.holdfast.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.HealthState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HealthRegistryTest {

    @Test
    void overallIsTheWorstComponentState() {
        HealthRegistry health = new HealthRegistry();
        assertThat(health.overall()).isEqualTo(HealthState.UP);
        health.report("store", HealthState.UP, "derby");
        health.report("mllp:adt", HealthState.DEGRADED, "slow");
        assertThat(health.overall()).isEqualTo(HealthState.DEGRADED);
        health.report("keys", HealthState.DOWN, "HF-311 wrong passphrase");
        assertThat(health.overall()).isEqualTo(HealthState.DOWN);
        health.remove("keys");
        assertThat(health.overall()).isEqualTo(HealthState.DEGRADED);
    }

    @Test
    void sinceChangesOnlyWhenTheStateChanges() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        HealthRegistry health = new HealthRegistry(Clock.fixed(t0, ZoneOffset.UTC));
        health.report("store", HealthState.UP, "a");
        HealthRegistry later = health;
        later.report("store", HealthState.UP, "b");
        assertThat(later.components()).singleElement().satisfies(c -> {
            assertThat(c.since()).isEqualTo(t0);
            assertThat(c.detail()).isEqualTo("b");
        });
    }

    @Test
    void componentsAreSortedByName() {
        HealthRegistry health = new HealthRegistry();
        health.report("b", HealthState.UP, "");
        health.report("a", HealthState.UP, "");
        assertThat(health.components()).extracting(c -> c.component()).containsExactly("a", "b");
    }
}
