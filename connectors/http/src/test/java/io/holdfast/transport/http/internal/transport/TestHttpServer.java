package io.holdfast.transport.http.internal.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A downstream HTTP(S) server on a loopback port (port 0) for the tests: keeps every request it got
 * (method, path, headers, body, when, the TLS client certificate) and answers from a script, the last
 * answer repeating. Shares no code with the transport.
 */
final class TestHttpServer implements AutoCloseable {
    /** One scripted answer: status, headers, body, or a body of {@code streamBytes} (counting what was written). */
    record Answer(int status, Map<String, String> headers, byte[] body, long streamBytes, boolean hang) {
        static Answer of(int status, String body, String... headerPairs) {
            Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                h.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Answer(status, h, body.getBytes(StandardCharsets.UTF_8), -1, false);
        }

        static Answer huge(int status, long bytes) {
            return new Answer(status, Map.of(), new byte[0], bytes, false);
        }

        static Answer never() {
            return new Answer(200, Map.of(), new byte[0], -1, true);
        }
    }

    /** What the server got. Header names lower-cased. */
    record Received(String method, String path, Map<String, String> headers, String body, long nanoTime,
                    Optional<String> clientCertificate) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong streamed = new AtomicLong();
    private final Object hang = new Object();
    private volatile boolean closed;

    private TestHttpServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static TestHttpServer http() throws IOException {
        return new TestHttpServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    /** HTTPS that requires a client certificate the given context trusts. */
    static TestHttpServer httpsWithClientAuth(SSLContext context) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                // The server uses these parameters as they are: client authentication must be asked for in them.
                javax.net.ssl.SSLParameters p = context.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        return new TestHttpServer(s);
    }

    String url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /**
     * Serves {@code /oauth2/token} by forwarding to a token endpoint elsewhere (the APIM simulator), so the API
     * and its token URL share an origin as on the NHS API platform. Token requests are not recorded.
     */
    TestHttpServer forwardTokenRequestsTo(String tokenUrl) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        server.createContext("/oauth2/token", ex -> {
            byte[] form = ex.getRequestBody().readAllBytes();
            try {
                java.net.http.HttpResponse<byte[]> r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(tokenUrl))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(form)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(r.statusCode(), r.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(503, -1);
                ex.close();
            }
        });
        return this;
    }

    synchronized TestHttpServer answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Bytes of a {@link Answer#huge} body the server managed to write before the client hung up. */
    long streamedBytes() {
        return streamed.get();
    }

    private synchronized Answer next() {
        return script.size() > 1 ? script.poll() : script.peek() != null ? script.peek() : Answer.of(200, "");
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().toString(), headers,
                new String(body, StandardCharsets.UTF_8), System.nanoTime(), clientCertificate(ex)));
        Answer a = next();
        if (a.hang()) {
            hangUntilClosed();
            ex.close();
            return;
        }
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (a.streamBytes() >= 0) {
            stream(ex, a);
            return;
        }
        ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(a.body());
        }
    }

    private void stream(HttpExchange ex, Answer a) {
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) 'x');
        try (OutputStream out = ex.getResponseBody()) {
            ex.sendResponseHeaders(a.status(), a.streamBytes());
            for (long left = a.streamBytes(); left > 0; left -= block.length) {
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                streamed.addAndGet(n);
            }
        } catch (IOException clientHungUp) {
            // expected when the client stops reading at its cap
        }
    }

    private void hangUntilClosed() {
        synchronized (hang) {
            while (!closed) {
                try {
                    hang.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Optional<String> clientCertificate(HttpExchange ex) {
        if (!(ex instanceof HttpsExchange https)) {
            return Optional.empty();
        }
        try {
            return Optional.of(((X509Certificate) https.getSSLSession().getPeerCertificates()[0]).getSubjectX500Principal().getName());
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        synchronized (hang) {
            closed = true;
            hang.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
