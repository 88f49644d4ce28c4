package ${package}.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol of README.md, spoken over real HTTP to the simulator on a free loopback port. */
class BookingSimulatorTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private BookingSimulator simulator;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = new BookingSimulator("127.0.0.1", 0).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void waitingMessagesAreListedFetchedAndGoneOnceAcknowledged() throws Exception {
        simulator.state().offer("M1", "appointmentId=APT-1\nissuer=RXX01\n");
        simulator.state().offer("M2", "appointmentId=APT-2\nissuer=RXX01\n");

        assertThat(send("GET", "/messages", null, null).body()).isEqualTo("M1\nM2");
        assertThat(send("GET", "/messages?limit=1", null, null).body()).isEqualTo("M1");
        assertThat(send("GET", "/messages?limit=some", null, null).statusCode()).isEqualTo(400);
        HttpResponse<String> fetched = send("GET", "/messages/M1", null, null);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).contains("appointmentId=APT-1");

        assertThat(send("DELETE", "/messages/M1", null, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/messages/M1", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/messages/M1", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/messages", null, null).body()).isEqualTo("M2");
    }

    @Test
    void inboxStoresEachRequestIdOnceAndRefusesMalformedMessages() throws Exception {
        String message = SampleAppointments.message(1, "RXX01", Instant.parse("2026-01-01T10:00:00Z"));

        assertThat(send("POST", "/inbox", "R1", message).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/inbox", "R1", message).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/inbox", null, message).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/inbox", "R2", "issuer=RXX01\n").statusCode()).isEqualTo(400);

        assertThat(simulator.state().received()).containsOnlyKeys("R1");
        assertThat(simulator.state().received().get("R1")).isEqualTo(message);
    }

    @Test
    void anOutageAnswers503ToEverything() throws Exception {
        simulator.state().offer("M1", "appointmentId=APT-1\nissuer=RXX01\n");
        simulator.unavailable(true);

        assertThat(send("GET", "/messages", null, null).statusCode()).isEqualTo(503);
        assertThat(send("POST", "/inbox", "R1", "appointmentId=A\nissuer=B\n").statusCode()).isEqualTo(503);

        simulator.unavailable(false);
        assertThat(send("GET", "/messages", null, null).body()).isEqualTo("M1");
    }

    @Test
    void sampleNhsNumbersAreTestRangeWithAValidCheckDigit() {
        for (int seed = 0; seed < 200; seed++) {
            String number = SampleAppointments.testNhsNumber(seed);
            assertThat(number).hasSize(10).startsWith("9");
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (number.charAt(i) - '0') * (10 - i);
            }
            assertThat((11 - sum % 11) % 11).isEqualTo(number.charAt(9) - '0');
        }
    }

    private HttpResponse<String> send(String method, String path, String requestId, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (requestId != null) {
            request.header("X-Request-ID", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
