package io.holdfast.pds.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> sent = new ArrayList<>();

    private TokenBucket bucket(int perSecond) {
        return new TokenBucket(perSecond, now::get, nanos -> now.addAndGet(nanos));
    }

    @Test
    void neverMoreThanTheRateInAnySecondNorCloserThanItsSpacing() throws Exception {
        TokenBucket b = bucket(5);
        for (int i = 0; i < 60; i++) {
            assertThat(b.acquire(Duration.ofSeconds(5))).isTrue();
            sent.add(now.get());
            if (i % 7 == 0) {
                now.addAndGet(TimeUnit.MILLISECONDS.toNanos(30));
            }
        }
        long second = TimeUnit.SECONDS.toNanos(1);
        for (int i = 0; i < sent.size(); i++) {
            int start = i;
            long inWindow = sent.stream().filter(t -> t >= sent.get(start) && t < sent.get(start) + second + TokenBucket.MARGIN.toNanos()).count();
            assertThat(inWindow).as("requests in the second from #" + i).isLessThanOrEqualTo(5);
            if (i > 0) {
                assertThat(sent.get(i) - sent.get(i - 1)).isGreaterThanOrEqualTo(second / 5);
            }
        }
        // held at the rate: 60 requests take about 13 seconds (5 per 1.1 s), not much more
        assertThat(sent.get(59) - sent.get(0)).isLessThan(TimeUnit.SECONDS.toNanos(14));
    }

    @Test
    void aCallerThatWouldWaitPastItsDeadlineTakesNothing() throws Exception {
        TokenBucket b = new TokenBucket(1, now::get, nanos -> { });
        assertThat(b.acquire(Duration.ZERO)).isTrue();
        assertThat(b.acquire(Duration.ofMillis(500))).isFalse();
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(b.acquire(Duration.ZERO)).isTrue();
    }
}
