package io.holdfast.mesh.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.spi.DeliveryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingScheduleTest {
    private static final String ID = "20210311101813838554_1B8F53";

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void asksAtDoublingIntervalsUpToTheCeilingAndAnswersFromMemoryInBetween() {
        HandClock clock = new HandClock();
        TrackingSchedule s = new TrackingSchedule(Duration.ofSeconds(60), Duration.ofSeconds(300), clock);
        DeliveryResult.Accepted accepted = new DeliveryResult.Accepted(ID, "MESH " + ID + " accepted");
        s.accepted(ID, accepted);
        assertThat(s.notYet(ID)).contains(accepted);
        clock.now = clock.now.plusSeconds(59);
        assertThat(s.notYet(ID)).isPresent();
        clock.now = clock.now.plusSeconds(1);
        assertThat(s.notYet(ID)).as("first call after 60 s").isEmpty();
        long[] expected = {120, 240, 300, 300};
        for (long seconds : expected) {
            s.answered(ID, accepted);
            assertThat(s.interval(ID)).contains(Duration.ofSeconds(seconds));
            clock.now = clock.now.plusSeconds(seconds - 1);
            assertThat(s.notYet(ID)).isPresent();
            clock.now = clock.now.plusSeconds(1);
            assertThat(s.notYet(ID)).isEmpty();
        }
    }

    @Test
    void aFinalAnswerForgetsTheMessageAndAFailedCallWaitsTheSameInterval() {
        HandClock clock = new HandClock();
        TrackingSchedule s = new TrackingSchedule(Duration.ofSeconds(10), Duration.ofSeconds(100), clock);
        s.accepted(ID, new DeliveryResult.Accepted(ID, "accepted"));
        clock.now = clock.now.plusSeconds(10);
        s.answered(ID, new DeliveryResult.Transient("tracking failed", Optional.empty()));
        assertThat(s.interval(ID)).contains(Duration.ofSeconds(10));
        assertThat(s.notYet(ID)).isPresent();
        s.answered(ID, new DeliveryResult.Acknowledged("acknowledged", Optional.empty()));
        assertThat(s.interval(ID)).isEmpty();
        assertThat(s.notYet(ID)).isEmpty();
    }
}
