package io.holdfast.simulator.apim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorHttpServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final AtomicReference<SimulatorReply> next = new AtomicReference<>();
    private final AtomicReference<SimulatorRequest> seen = new AtomicReference<>();
    private final SimulatorHttpServer server = SimulatorHttpServer.start("127.0.0.1", 0, 1024, 1, request -> {
        seen.set(request);
        SimulatorReply reply = next.get();
        if (reply == null) {
            throw new IllegalStateException("no reply prepared");
        }
        return reply;
    });

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery));
        b = body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void handsTheHandlerPathQueryHeadersAndBodyAndSendsItsResponse() throws Exception {
        next.set(SimulatorReply.send(SimulatorResponse.of(201, "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .withHeader("ETag", "W/\"1\"")));
        HttpResponse<String> r = send("/a/b?x=1&x=2&y=%2A", "hello");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("ETag")).contains("W/\"1\"");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(r.body()).isEqualTo("{}");
        assertThat(seen.get().path()).isEqualTo("/a/b");
        assertThat(seen.get().query().get("x")).containsExactly("1", "2");
        assertThat(seen.get().query().get("y")).containsExactly("*");
        assertThat(seen.get().bodyText()).isEqualTo("hello");
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void bodiesOverTheCapAreRefusedWith413BeforeTheHandler() throws Exception {
        next.set(SimulatorReply.send(SimulatorResponse.of(200, "text/plain", new byte[0])));
        HttpResponse<String> r = send("/big", "x".repeat(1025));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(seen.get()).isNull();
    }

    @Test
    void aDelayedReplyArrivesNoEarlierThanItsDelay() throws Exception {
        next.set(new SimulatorReply.Send(SimulatorResponse.of(200, "text/plain", new byte[0]), Duration.ofMillis(300)));
        long start = System.nanoTime();
        assertThat(send("/slow", null).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aResetReplyDropsTheConnectionWithoutAResponse() {
        next.set(new SimulatorReply.Reset());
        assertThatThrownBy(() -> send("/reset", null)).isInstanceOf(IOException.class);
    }

    @Test
    void aFailingHandlerAnswers500() throws Exception {
        next.set(null);
        assertThat(send("/bug", null).statusCode()).isEqualTo(500);
    }
}
