package ${package}.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import ${package}.internal.ConnectorNames;
import ${package}.internal.codec.AppointmentCodec;
import ${package}.internal.config.FeedConfigs;
import ${package}.internal.config.FeedSettings;
import ${package}.simulator.BookingSimulator;
import ${package}.simulator.SampleAppointments;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.TestRoute;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.journal.JournalTrace;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector against the real kernel (testkit: Derby, journal, idempotency, Intake, routing, dispatcher) and the
 * simulated booking system on a loopback port: what is acknowledged to the booking system is durable, what is not
 * stays there, a fetched-again message is a duplicate, and routed appointments reach the target through this
 * connector's own transport.
 */
class FeedPollerComponentTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FEED = "main";
    private static final String TARGET = "booking-inbox";
    private static final Instant SENT = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path dir;

    private BookingSimulator remote;
    private TestKernel kernel;
    private FeedPoller poller;

    @BeforeEach
    void start() throws InterruptedException {
        remote = new BookingSimulator("127.0.0.1", 0).start();
        kernel = TestKernel.builder(dir)
                .codec(new AppointmentCodec())
                .transport(new FeedOutboundTransport())
                .system(new DownstreamSystem(TARGET, "Booking system inbox", Optional.empty(), "test", ConnectorNames.TRANSPORT,
                        AppointmentCodec.FORMAT, remote.baseUrl() + "/inbox", AuthPattern.NONE, Optional.empty(), Optional.empty()))
                .route(route())
                .start();
        FeedSettings settings = FeedSettings.from(FeedConfigs.feed(FEED, remote.baseUrl()));
        poller = new FeedPoller(settings, new FeedClient(HttpClient.newHttpClient(), settings.baseUrl(), settings.requestTimeout()),
                new AppointmentCodec(), kernel.intake(), Duration.ofSeconds(10), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        kernel.close();
        remote.close();
    }

    @Test
    void messagesAreAcknowledgedOnceDurableRejectionsAreKeptAndAppointmentsDelivered() throws Exception {
        remote.state().offer("M1", SampleAppointments.message(1, "RXX01", SENT));
        remote.state().offer("M2", SampleAppointments.message(2, "RXX01", SENT));
        remote.state().offer("BAD", "appointmentId=APT-9\nissuer=RXX01\nnhsNumber=1234567890\nstatus=booked\n");

        PollResult result = poller.pollOnce();

        assertThat(result).isEqualTo(new PollResult(3, 2, 0, 1, Optional.empty()));
        assertThat(remote.state().waiting(10)).as("everything Intake made durable was acknowledged").isEmpty();
        assertThat(JournalTrace.of(kernel.journal(), "BAD").hasStage(Stage.REJECTED)).as("a rejected message is kept").isTrue();
        JournalTrace.awaitStage(kernel.journal(), "M1", Stage.ACKED, WAIT);
        JournalTrace.awaitStage(kernel.journal(), "M2", Stage.ACKED, WAIT);
        assertThat(remote.state().received().values()).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("appointmentId=APT-1001"))
                .anySatisfy(m -> assertThat(m).contains("appointmentId=APT-1002"));
    }

    @Test
    void theSameAppointmentFetchedAgainIsADuplicateAndIsNotDeliveredAgain() throws Exception {
        remote.state().offer("M1", SampleAppointments.message(1, "RXX01", SENT));
        poller.pollOnce();
        JournalTrace.awaitStage(kernel.journal(), "M1", Stage.ACKED, WAIT);

        // the booking system resends it under a new message id and send time: same key, same content
        remote.state().offer("M1-AGAIN", SampleAppointments.message(1, "RXX01", SENT.plusSeconds(60)));
        PollResult again = poller.pollOnce();

        assertThat(again).isEqualTo(new PollResult(1, 0, 1, 0, Optional.empty()));
        assertThat(remote.state().waiting(10)).isEmpty();
        assertThat(kernel.outbox(TARGET)).hasSize(1);
    }

    @Test
    void whatIntakeRefusesStaysInTheBookingSystemUntilARouteExists() {
        kernel.removeRoute("appointments");
        remote.state().offer("M1", SampleAppointments.message(1, "RXX01", SENT));

        PollResult refused = poller.pollOnce();

        assertThat(refused.stoppedBy()).hasValueSatisfying(reason -> assertThat(reason).contains("HF-400"));
        assertThat(remote.state().waiting(10)).containsExactly("M1");

        kernel.addRoute(route());
        assertThat(poller.pollOnce()).isEqualTo(new PollResult(1, 1, 0, 0, Optional.empty()));
        assertThat(remote.state().waiting(10)).isEmpty();
    }

    @Test
    void anUnreachableBookingSystemStopsThePollAndLosesNothing() throws InterruptedException {
        remote.state().offer("M1", SampleAppointments.message(1, "RXX01", SENT));
        remote.unavailable(true);

        PollResult down = poller.pollOnce();

        assertThat(down.stoppedBy()).hasValueSatisfying(reason -> assertThat(reason).contains("HTTP 503"));
        assertThat(kernel.journal().byMessageId("M1")).isEmpty();

        remote.unavailable(false);
        assertThat(poller.pollOnce().accepted()).isEqualTo(1);
        Await.until("M1 delivered", WAIT, () -> remote.state().received().size() == 1);
    }

    private static TestRoute route() {
        return TestRoute.named("appointments").sources(ConnectorNames.channel(FEED)).to(TARGET);
    }
}
