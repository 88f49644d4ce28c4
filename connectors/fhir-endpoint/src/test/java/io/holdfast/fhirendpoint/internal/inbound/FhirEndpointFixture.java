package io.holdfast.fhirendpoint.internal.inbound;

import io.holdfast.api.kernel.Intake;
import io.holdfast.fhirendpoint.internal.config.AuthenticatorFactory;
import io.holdfast.fhirendpoint.internal.config.EndpointSettings;
import io.holdfast.http.internal.EndpointRegistry;
import io.holdfast.http.internal.HttpListener;
import io.holdfast.http.internal.ListenerSettings;
import io.holdfast.http.internal.Route;
import io.holdfast.testkit.TestKernel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * The FHIR endpoint as it runs in Karaf, in a plain JVM: the real kernel (testkit {@link TestKernel},
 * Derby in a temp folder), a lib-http listener on a loopback port 0, and the endpoint on it.
 */
final class FhirEndpointFixture implements AutoCloseable {
    static final String BASE = "/fhir/r4";
    private final HttpListener listener;
    private final HttpClient client;
    private final String scheme;
    final EndpointSettings settings;

    FhirEndpointFixture(TestKernel kernel, UnaryOperator<Intake> intakeWrapper, Map<String, Object> config) throws Exception {
        this(kernel, intakeWrapper, config, Optional.empty(), Optional.empty());
    }

    /** With {@code serverTls} the listener is TLS with {@code clientAuth=need}; the client uses {@code clientTls}. */
    FhirEndpointFixture(TestKernel kernel, UnaryOperator<Intake> intakeWrapper, Map<String, Object> config, Optional<SSLContext> serverTls,
                        Optional<SSLContext> clientTls) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        clientTls.ifPresent(builder::sslContext);
        client = builder.build();
        scheme = serverTls.isPresent() ? "https" : "http";
        Map<String, Object> props = new HashMap<>(Map.of("name", "pas", "listener", "fhir", "path", BASE));
        props.putAll(config);
        settings = EndpointSettings.from(props);
        FhirInboundEndpoint endpoint = new FhirInboundEndpoint(settings, AuthenticatorFactory.from(settings, Clock.systemUTC()),
                intakeWrapper.apply(kernel.intake()), kernel.idempotency());
        EndpointRegistry registry = new EndpointRegistry();
        registry.add(new Route("fhir", settings.path(), endpoint, OptionalLong.of(settings.maxBodyBytes()), 1, 0));
        ListenerSettings plain = ListenerSettings.loopback("fhir", 0);
        listener = new HttpListener(serverTls.isPresent() ? plain.withTls("fhir-server", "need") : plain, registry, serverTls);
        listener.start();
    }

    static String resource(String name) {
        try (InputStream in = FhirEndpointFixture.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + listener.boundAddress().orElseThrow().getPort() + path))
                .timeout(Duration.ofSeconds(30));
    }

    HttpRequest post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        listener.close();
    }
}
