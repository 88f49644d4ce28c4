package io.holdfast.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.routing.internal.outbox.RequestIds;
import io.holdfast.routing.internal.route.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    static final String KEY = "a".repeat(64);
    static final String DIGEST = "b".repeat(64);

    @Test
    void sameDeliveryGivesTheSameUuidEveryTime() {
        String id = RequestIds.of(KEY, DIGEST, "epr");
        assertThat(RequestIds.of(KEY, DIGEST, "epr")).isEqualTo(id);
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(8);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void anAmendmentOrAnotherTargetGivesAnotherId() {
        String id = RequestIds.of(KEY, DIGEST, "epr");
        assertThat(RequestIds.of(KEY, "c".repeat(64), "epr")).isNotEqualTo(id);
        assertThat(RequestIds.of(KEY, DIGEST, "gp")).isNotEqualTo(id);
        assertThat(RequestIds.of("d".repeat(64), DIGEST, "epr")).isNotEqualTo(id);
    }

    @Test
    void backoffGrowsWithJitterUpToItsCapAndHonoursRetryAfter() {
        RetryPolicy p = new RetryPolicy(5, 100, 1000);
        for (int i = 0; i < 50; i++) {
            assertThat(p.delayMs(1, Optional.empty())).isBetween(50L, 100L);
            assertThat(p.delayMs(3, Optional.empty())).isBetween(200L, 400L);
            assertThat(p.delayMs(40, Optional.empty())).isBetween(500L, 1000L);
        }
        assertThat(p.delayMs(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(30_000L);
        assertThat(p.exhausted(4)).isFalse();
        assertThat(p.exhausted(5)).isTrue();
    }
}
