package ${package}.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import ${package}.internal.ConnectorNames;
import ${package}.internal.codec.AppointmentCodec;
import ${package}.simulator.BookingSimulator;
import ${package}.simulator.SampleAppointments;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries to the simulated booking system's inbox over real HTTP, and how each answer is classified. */
class FeedOutboundTransportTest {
    private final FeedOutboundTransport transport = new FeedOutboundTransport();
    private BookingSimulator remote;

    @BeforeEach
    void start() throws InterruptedException {
        remote = new BookingSimulator("127.0.0.1", 0).start();
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    @Test
    void aDeliveryIsStoredOnceUnderItsRequestIdAndARetryIsAcknowledgedAsDuplicate() {
        String message = SampleAppointments.message(1, "RXX01", Instant.parse("2026-12-05T10:00:00Z"));

        DeliveryResult first = transport.deliver(request(remote.baseUrl() + "/inbox", "REQ-1", message, 1));
        DeliveryResult retry = transport.deliver(request(remote.baseUrl() + "/inbox", "REQ-1", message, 2));

        assertThat(first).isInstanceOf(DeliveryResult.Acknowledged.class);
        assertThat(retry).isInstanceOfSatisfying(DeliveryResult.Acknowledged.class, a -> assertThat(a.summary()).contains("already stored"));
        assertThat(remote.state().received()).containsOnlyKeys("REQ-1");
        assertThat(remote.state().received().get("REQ-1")).isEqualTo(message);
    }

    @Test
    void aRefusedMessageIsPermanentAndAnOutageOrNoServerIsTransient() throws IOException {
        assertThat(transport.deliver(request(remote.baseUrl() + "/inbox", "REQ-2", "status=booked\n", 1)))
                .isInstanceOf(DeliveryResult.Permanent.class);

        remote.unavailable(true);
        assertThat(transport.deliver(request(remote.baseUrl() + "/inbox", "REQ-3", "appointmentId=A\nissuer=RXX01\n", 1)))
                .isInstanceOf(DeliveryResult.Transient.class);

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThat(transport.deliver(request("http://127.0.0.1:" + closedPort + "/inbox", "REQ-4", "appointmentId=A\nissuer=RXX01\n", 1)))
                .isInstanceOf(DeliveryResult.Transient.class);
        assertThat(transport.deliver(request("mllp://127.0.0.1:1", "REQ-5", "appointmentId=A\nissuer=RXX01\n", 1)))
                .isInstanceOf(DeliveryResult.Permanent.class);
    }

    @Test
    void retryAfterIsPassedOnAndUnknownStatusesAreWorthRetrying() {
        assertThat(FeedOutboundTransport.classify(429, Optional.of("7")))
                .isEqualTo(new DeliveryResult.Transient("booking system answered HTTP 429", Optional.of(Duration.ofSeconds(7))));
        assertThat(FeedOutboundTransport.classify(502, Optional.of("Wed, 21 Oct 2026 07:28:00 GMT")))
                .isEqualTo(new DeliveryResult.Transient("booking system answered HTTP 502", Optional.empty()));
        assertThat(FeedOutboundTransport.classify(422, Optional.empty())).isInstanceOf(DeliveryResult.Permanent.class);
    }

    private static OutboundRequest request(String endpoint, String requestId, String body, int attempt) {
        DownstreamSystem target = new DownstreamSystem("booking-inbox", "Booking system inbox", Optional.empty(), "test",
                ConnectorNames.TRANSPORT, AppointmentCodec.FORMAT, endpoint, AuthPattern.NONE, Optional.empty(), Optional.empty());
        return new OutboundRequest(requestId, attempt, target, Payload.of(body.getBytes(StandardCharsets.UTF_8)), Map.of(),
                new AuthMaterial.None());
    }
}
