package io.holdfast.http.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.http.HttpEndpoint;
import io.holdfast.http.HttpReply;
import io.holdfast.http.internal.EndpointRegistry;
import io.holdfast.http.internal.HttpListener;
import io.holdfast.http.internal.ListenerSettings;
import io.holdfast.http.internal.ListenerStats;
import io.holdfast.http.internal.ListenerView;
import io.holdfast.http.internal.Route;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HttpListenersCommandTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private String run(List<ListenerView> listeners) throws Exception {
        HttpListenersCommand command = new HttpListenersCommand();
        command.listeners = listeners;
        command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        command.execute();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsRunningListenersWithAddressTlsAndEndpoints() throws Exception {
        EndpointRegistry registry = new EndpointRegistry();
        HttpEndpoint endpoint = call -> HttpReply.empty(204);
        registry.add(new Route("fhir", "/fhir/r4", endpoint, OptionalLong.empty(), 1, 0));
        registry.add(new Route("fhir", "/fhir/stu3", endpoint, OptionalLong.empty(), 2, 0));
        try (HttpListener running = new HttpListener(ListenerSettings.loopback("fhir", 0), registry, Optional.empty())) {
            running.start();
            int port = running.boundAddress().orElseThrow().getPort();

            String out = run(List.of(view(running, registry), stopped()));

            assertThat(out).contains("fhir", "127.0.0.1:" + port, "/fhir/r4 /fhir/stu3", "off", "10485760").doesNotContain("broken");
        }
    }

    @Test
    void withNoListenerRunningItSaysHowToAddOne() throws Exception {
        assertThat(run(List.of(stopped()))).contains("No HTTP listener is running", "etc/io.holdfast.http.listener-<name>.cfg");
    }

    private static ListenerView view(HttpListener l, EndpointRegistry registry) {
        return new ListenerView() {
            public String name() {
                return l.settings().name();
            }

            public Optional<InetSocketAddress> boundAddress() {
                return l.boundAddress();
            }

            public Optional<ListenerSettings> settings() {
                return Optional.of(l.settings());
            }

            public ListenerStats.Snapshot stats() {
                return l.stats();
            }

            public List<Route> routes() {
                return registry.routes(name());
            }
        };
    }

    private static ListenerView stopped() {
        return new ListenerView() {
            public String name() {
                return "broken";
            }

            public Optional<InetSocketAddress> boundAddress() {
                return Optional.empty();
            }

            public Optional<ListenerSettings> settings() {
                return Optional.empty();
            }

            public ListenerStats.Snapshot stats() {
                return new ListenerStats().snapshot();
            }

            public List<Route> routes() {
                return List.of();
            }
        };
    }
}
