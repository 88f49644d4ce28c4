package io.holdfast.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.kernel.Alert;
import io.holdfast.api.kernel.AlertSeverity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class KernelAlertsTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T08:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingEvents events = new RecordingEvents();
    private final KernelAlerts alerts = new KernelAlerts(meters, clock);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureLog() {
        alerts.setEventAdmin(events);
        originalErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(originalErr);
    }

    private List<String> logLines() {
        return log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("Alert")).toList();
    }

    @Test
    void raisingTheSameAlertAgainChangesNothing() {
        alerts.raise("disk:data-folder", AlertSeverity.WARNING, "journal", "8% free on /var/holdfast/data");
        clock.advance(Duration.ofMinutes(5));
        alerts.raise("disk:data-folder", AlertSeverity.WARNING, "journal", "8% free on /var/holdfast/data");
        alerts.raise("disk:data-folder", AlertSeverity.WARNING, "journal", "8% free on /var/holdfast/data");

        assertThat(events.topics()).containsExactly("holdfast/alert/RAISED");
        assertThat(logLines()).singleElement().satisfies(l -> assertThat(l)
                .contains("WARN").contains("disk:data-folder").contains("8% free on /var/holdfast/data").contains("journal"));
        assertThat(alerts.active()).singleElement().satisfies(a -> {
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-06-01T08:00:00Z"));
            assertThat(a.updatedAt()).isEqualTo(a.raisedAt());
        });
    }

    @Test
    void aChangeOfSeverityOrTextIsRaisedAgainAndKeepsItsStart() {
        alerts.raise("cert:int/spine", AlertSeverity.WARNING, "credentials", "expires in 30 days or fewer");
        clock.advance(Duration.ofDays(23));
        alerts.raise("cert:int/spine", AlertSeverity.CRITICAL, "credentials", "expires in 7 days or fewer");

        assertThat(events.topics()).containsExactly("holdfast/alert/RAISED", "holdfast/alert/RAISED");
        assertThat(events.last().getProperty("severity")).isEqualTo("CRITICAL");
        assertThat(logLines()).hasSize(2);
        assertThat(logLines().get(1)).contains("ERROR").contains("CRITICAL changed (was WARNING)");
        Alert alert = alerts.active().get(0);
        assertThat(alert.raisedAt()).isEqualTo(Instant.parse("2026-06-01T08:00:00Z"));
        assertThat(alert.updatedAt()).isEqualTo(Instant.parse("2026-06-24T08:00:00Z"));
    }

    @Test
    void clearIsLoggedAndPostedOnceAndOnlyForActiveAlerts() {
        alerts.clear("never-raised");
        alerts.raise("mesh:X26ABC1:size-cap", AlertSeverity.WARNING, "mesh:X26ABC1", "message 2026-abc over the 100 MiB cap");
        alerts.clear("mesh:X26ABC1:size-cap");
        alerts.clear("mesh:X26ABC1:size-cap");

        assertThat(events.topics()).containsExactly("holdfast/alert/RAISED", "holdfast/alert/CLEARED");
        Event cleared = events.last();
        assertThat(cleared.getProperty("key")).isEqualTo("mesh:X26ABC1:size-cap");
        assertThat(cleared.getProperty("source")).isEqualTo("mesh:X26ABC1");
        assertThat(cleared.getProperty("text")).isEqualTo("message 2026-abc over the 100 MiB cap");
        assertThat(logLines()).hasSize(2);
        assertThat(logLines().get(1)).contains("INFO").contains("Alert cleared: mesh:X26ABC1:size-cap");
        assertThat(alerts.active()).isEmpty();
        alerts.raise("mesh:X26ABC1:size-cap", AlertSeverity.WARNING, "mesh:X26ABC1", "message 2026-abc over the 100 MiB cap");
        assertThat(events.topics()).as("raised again after a clear").hasSize(3);
    }

    @Test
    void activeAlertsAreMostSevereFirstThenOldest() {
        alerts.raise("b-warning-old", AlertSeverity.WARNING, "x", "t");
        clock.advance(Duration.ofSeconds(1));
        alerts.raise("a-info", AlertSeverity.INFO, "x", "t");
        alerts.raise("c-warning-new", AlertSeverity.WARNING, "x", "t");
        alerts.raise("d-critical", AlertSeverity.CRITICAL, "x", "t");

        assertThat(alerts.active()).extracting(Alert::key).containsExactly("d-critical", "b-warning-old", "c-warning-new", "a-info");
    }

    @Test
    void gaugeCountsActiveAlertsBySeverity() {
        alerts.raise("w1", AlertSeverity.WARNING, "x", "t");
        alerts.raise("w2", AlertSeverity.WARNING, "x", "t");
        alerts.raise("c1", AlertSeverity.CRITICAL, "x", "t");
        assertThat(gauge(AlertSeverity.WARNING)).isEqualTo(2.0);
        assertThat(gauge(AlertSeverity.CRITICAL)).isEqualTo(1.0);
        assertThat(gauge(AlertSeverity.INFO)).isZero();

        alerts.raise("w2", AlertSeverity.CRITICAL, "x", "t");
        alerts.clear("c1");
        assertThat(gauge(AlertSeverity.WARNING)).isEqualTo(1.0);
        assertThat(gauge(AlertSeverity.CRITICAL)).isEqualTo(1.0);

        alerts.deactivate();
        assertThat(meters.find(KernelAlerts.ACTIVE_GAUGE).gauges()).isEmpty();
    }

    @Test
    void fieldsAreKeptToOneLineSoTheLogCannotBeForged() {
        alerts.raise("k", AlertSeverity.WARNING, "src", "first line\n2026-06-01 INFO forged entry");
        assertThat(alerts.active().get(0).text()).isEqualTo("first line?2026-06-01 INFO forged entry");
        assertThat(logLines()).singleElement();
    }

    @Test
    void worksWithoutEventAdmin() {
        alerts.unsetEventAdmin(events);
        alerts.raise("k", AlertSeverity.INFO, "src", "text");
        alerts.clear("k");
        assertThat(logLines()).hasSize(2);
    }

    @Test
    void refusesAnAlertWithoutKey() {
        assertThatThrownBy(() -> alerts.raise(" ", AlertSeverity.INFO, "src", "text")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alerts.raise("k", null, "src", "text")).isInstanceOf(NullPointerException.class);
    }

    private double gauge(AlertSeverity severity) {
        return meters.get(KernelAlerts.ACTIVE_GAUGE).tag("severity", severity.name()).gauge().value();
    }

    static final class RecordingEvents implements EventAdmin {
        private final List<Event> events = new ArrayList<>();

        @Override
        public synchronized void postEvent(Event event) {
            events.add(event);
        }

        @Override
        public synchronized void sendEvent(Event event) {
            events.add(event);
        }

        synchronized List<String> topics() {
            return events.stream().map(Event::getTopic).toList();
        }

        synchronized Event last() {
            return events.get(events.size() - 1);
        }
    }

    static final class MovableClock extends Clock {
        private Instant now;

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
