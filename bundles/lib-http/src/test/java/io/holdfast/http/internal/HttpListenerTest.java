package io.holdfast.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.http.HttpCall;
import io.holdfast.http.HttpEndpoint;
import io.holdfast.http.HttpReply;
import io.holdfast.http.testing.RawHttpConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real listener on a loopback port 0, driven by the JDK HttpClient and, byte by byte, by a raw socket. */
class HttpListenerTest {
    private final EndpointRegistry registry = new EndpointRegistry();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<HttpCall> calls = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private HttpListener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    private HttpEndpoint recording(String answer) {
        return call -> {
            calls.add(call);
            threads.add(Thread.currentThread().getName());
            return HttpReply.text(200, answer + " " + call.subPath());
        };
    }

    private void route(String path, HttpEndpoint endpoint, OptionalLong cap) {
        registry.add(new Route("api", path, endpoint, cap, registry.routes("api").size() + 1, 0));
    }

    private int start(ListenerSettings settings) throws Exception {
        listener = new HttpListener(settings, registry, Optional.empty());
        listener.start();
        return listener.boundAddress().orElseThrow().getPort();
    }

    private int start() throws Exception {
        return start(ListenerSettings.loopback("api", 0));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesByLongestPathPrefixOnWorkerThreadsWithQueryHeadersAndBody() throws Exception {
        route("/fhir", recording("fhir"), OptionalLong.empty());
        route("/fhir/r4", recording("r4"), OptionalLong.empty());
        int port = start();

        assertThat(get(port, "/fhir/r4/Patient?identifier=a&identifier=b").body()).isEqualTo("r4 /Patient");
        assertThat(get(port, "/fhir/metadata").body()).isEqualTo("fhir /metadata");
        assertThat(get(port, "/fhir").body()).isEqualTo("fhir /");
        HttpResponse<String> posted = post(port, "/fhir/r4/Patient", "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(posted.statusCode()).isEqualTo(200);
        HttpCall first = calls.get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.query().get("identifier")).containsExactly("a", "b");
        assertThat(first.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
        assertThat(first.peerCertificates()).isEmpty();
        HttpCall post = calls.get(3);
        assertThat(new String(post.body(), StandardCharsets.UTF_8)).isEqualTo("{\"resourceType\":\"Patient\"}");
        assertThat(post.header("CONTENT-TYPE")).contains("application/fhir+json");
        assertThat(threads).allMatch(t -> t.startsWith("holdfast-http-api-"));
    }

    @Test
    void unknownPathsAndSiblingPrefixesAre404() throws Exception {
        route("/fhir", recording("fhir"), OptionalLong.empty());
        int port = start();

        assertThat(get(port, "/fhirx/Patient").statusCode()).isEqualTo(404);
        assertThat(get(port, "/").statusCode()).isEqualTo(404);
        assertThat(post(port, "/admin", new byte[100]).statusCode()).isEqualTo(404);
        assertThat(calls).isEmpty();
        assertThat(listener.stats().notFound()).isEqualTo(3);
    }

    @Test
    void aDeclaredOversizedBodyGets413BeforeTheRestIsSentAndTheConnectionCloses() throws Exception {
        route("/fhir", recording("fhir"), OptionalLong.empty());
        int port = start(ListenerSettings.loopback("api", 0).withLimits(1000, 10, Duration.ofSeconds(30)));

        try (RawHttpConnection c = new RawHttpConnection(port)) {
            // 10 bytes of a declared 1,000,000: the answer must come without the rest
            c.send("POST /fhir/Patient HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n0123456789");
            RawHttpConnection.Response r = c.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.head()).containsIgnoringCase("connection: close");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(calls).isEmpty();
        assertThat(listener.stats().tooLarge()).isEqualTo(1);
    }

    @Test
    void aChunkedBodyIsCutAtTheCapNotBufferedToTheEnd() throws Exception {
        route("/fhir", recording("fhir"), OptionalLong.empty());
        int port = start(ListenerSettings.loopback("api", 0).withLimits(1000, 10, Duration.ofSeconds(30)));

        try (RawHttpConnection c = new RawHttpConnection(port)) {
            c.send("POST /fhir/Patient HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "a".repeat(600);
            c.send("258\r\n" + chunk + "\r\n").send("258\r\n" + chunk + "\r\n"); // 1200 bytes sent, no final chunk
            assertThat(c.read().status()).isEqualTo(413);
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void anEndpointCapBelowTheListenerCapApplies() throws Exception {
        route("/small", recording("small"), OptionalLong.of(100));
        int port = start();

        assertThat(post(port, "/small/x", new byte[100]).statusCode()).isEqualTo(200);
        try (RawHttpConnection c = new RawHttpConnection(port)) {
            c.send("POST /small/x HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(413);
        }
        assertThat(calls).hasSize(1);
    }

    @Test
    void anEndpointExceptionIs500WithoutStackTraceOrMessage() throws Exception {
        route("/boom", call -> {
            throw new IllegalStateException("NHS number 9000000009 broke it");
        }, OptionalLong.empty());
        int port = start();

        HttpResponse<String> r = post(port, "/boom", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).startsWith("Internal server error (reference ").doesNotContain("9000000009", "Exception", "at io.", "broke");
        assertThat(get(port, "/boom").statusCode()).as("the listener keeps serving").isEqualTo(500);
    }

    @Test
    void bindsLoopbackUnlessConfigured() throws Exception {
        route("/fhir", recording("fhir"), OptionalLong.empty());
        start();
        assertThat(listener.settings().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(listener.boundAddress().orElseThrow().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        AtomicInteger n = new AtomicInteger();
        route("/seq", call -> {
            if (n.incrementAndGet() == 1) {
                Thread.sleep(150); // the first answer is slower; it must still come first
            }
            return HttpReply.text(200, call.subPath());
        }, OptionalLong.empty());
        int port = start();

        try (RawHttpConnection c = new RawHttpConnection(port)) {
            c.send("GET /seq/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /seq/2 HTTP/1.1\r\nHost: x\r\n\r\nGET /seq/3 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(List.of(c.read().body(), c.read().body(), c.read().body())).containsExactly("/1", "/2", "/3");
        }
    }

    @Test
    void aFullWorkerQueueAnswers503WithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        route("/slow", call -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return HttpReply.text(200, "done");
        }, OptionalLong.empty());
        ListenerSettings base = ListenerSettings.loopback("api", 0);
        int port = start(new ListenerSettings(base.pid(), "api", "127.0.0.1", 0, Optional.empty(), "live", "none", 1000, 16384, 10,
                Duration.ofSeconds(60), Duration.ofSeconds(30), 1, 1));

        try (RawHttpConnection running = new RawHttpConnection(port); RawHttpConnection queued = new RawHttpConnection(port);
             RawHttpConnection refused = new RawHttpConnection(port)) {
            running.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            queued.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            awaitQueued(1);
            refused.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpConnection.Response busy = refused.read();
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.head()).containsIgnoringCase("retry-after: 1");
            release.countDown();
            assertThat(running.read().status()).isEqualTo(200);
            assertThat(queued.read().status()).isEqualTo(200);
        }
    }

    private void awaitQueued(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (listener.queuedRequests() != expected) {
            assertThat(System.nanoTime()).as("requests waiting for a worker: %d, expected %d", listener.queuedRequests(), expected)
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aRequestThatDoesNotArriveInTimeGets408() throws Exception {
        route("/fhir", recording("fhir"), OptionalLong.empty());
        int port = start(ListenerSettings.loopback("api", 0).withLimits(1000, 10, Duration.ofMillis(300)));

        try (RawHttpConnection c = new RawHttpConnection(port)) {
            c.send("POST /fhir HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01");
            assertThat(c.read().status()).isEqualTo(408);
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void anOversizedHeaderBlockGets431() throws Exception {
        route("/fhir", recording("fhir"), OptionalLong.empty());
        int port = start();

        try (RawHttpConnection c = new RawHttpConnection(port)) {
            c.send("GET /fhir HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(431);
        }
    }

    @Test
    void connectionsOverTheLimitAreClosedOnAccept() throws Exception {
        route("/fhir", recording("fhir"), OptionalLong.empty());
        int port = start(ListenerSettings.loopback("api", 0).withLimits(1000, 1, Duration.ofSeconds(30)));

        try (RawHttpConnection first = new RawHttpConnection(port)) {
            first.send("GET /fhir HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(first.read().status()).isEqualTo(200);
            try (RawHttpConnection second = new RawHttpConnection(port)) {
                assertThat(second.closedByServer()).isTrue();
            }
            first.send("GET /fhir HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(first.read().status()).as("the open connection is untouched").isEqualTo(200);
        }
        assertThat(listener.stats().connectionsRefused()).isEqualTo(1);
    }
}
