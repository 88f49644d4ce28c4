package io.holdfast.transport.http.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    private static Optional<Duration> parse(String header) {
        return RetryAfter.parse(Optional.ofNullable(header), NOW);
    }

    @Test
    void secondsOrAnHttpDateRelativeToNow() {
        assertThat(parse("2")).contains(Duration.ofSeconds(2));
        assertThat(parse(" 0 ")).contains(Duration.ZERO);
        assertThat(parse("Sun, 06 Dec 2026 10:01:30 GMT")).contains(Duration.ofSeconds(90));
        assertThat(parse("Sun, 06 Dec 2026 09:00:00 GMT")).as("a date in the past").contains(Duration.ZERO);
    }

    @Test
    void absentOrUnreadableValuesLeaveTheRoutesBackoff() {
        assertThat(parse(null)).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("-5")).isEmpty();
        assertThat(parse("soon")).isEmpty();
        assertThat(parse("1.5")).isEmpty();
    }

    @Test
    void absurdDelaysAreCappedAtAnHour() {
        assertThat(parse("86400")).contains(RetryAfter.LONGEST);
        assertThat(parse("99999999999999999999999")).contains(RetryAfter.LONGEST);
        assertThat(parse("Fri, 01 Jan 2100 00:00:00 GMT")).contains(Duration.ofHours(1));
    }
}
