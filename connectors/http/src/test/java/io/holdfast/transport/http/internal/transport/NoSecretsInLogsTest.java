package io.holdfast.transport.http.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.transport.http.internal.config.HttpTransportSettings;
import io.holdfast.transport.http.internal.transport.TestHttpServer.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * With Holdfast loggers at TRACE (surefire configuration), a delivery that is refused with 401, re-authenticated,
 * then answered with an OperationOutcome naming the patient writes no token, API key, payload or response
 * text to the log: only method, system, request id and status.
 */
class NoSecretsInLogsTest {
    private static final String PAYLOAD = "{\"resourceType\":\"Patient\",\"identifier\":[{\"value\":\"9000000009\"}],\"name\":[{\"family\":\"Smythe\"}]}";
    private static final String OUTCOME = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"value\","
            + "\"diagnostics\":\"Patient 9000000009 Smythe is deceased\"}]}";

    @Test
    void tokensKeysPayloadsAndDiagnosticsNeverReachTheLog() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        List<DeliveryResult> results = new ArrayList<>();
        AtomicInteger fetched = new AtomicInteger();
        AuthProvider provider = new AuthProvider() {
            @Override
            public AuthPattern pattern() {
                return AuthPattern.OAUTH2_SIGNED_JWT;
            }

            @Override
            public AuthMaterial authenticate(DownstreamSystem system) {
                return new AuthMaterial.Headers(Map.of("Authorization", "Bearer access-token-" + fetched.incrementAndGet()),
                        Optional.empty(), Instant.MAX, new CredentialIdentity("pds", 1, Optional.empty(), Optional.of("kid-1")));
            }

            @Override
            public void invalidate(DownstreamSystem system) {
                // the next authenticate returns another token
            }
        };
        System.setErr(capture);
        System.setOut(capture);
        try (TestHttpServer server = TestHttpServer.http().answer(Answer.of(401, "{\"error\":\"access-token-1 expired\"}"),
                Answer.of(400, OUTCOME), Answer.of(503, OUTCOME))) {
            DownstreamSystem pds = new DownstreamSystem("pds", "PDS", Optional.empty(), "test", "HTTP", WireFormat.fhirR4(),
                    server.url("/Patient"), AuthPattern.OAUTH2_SIGNED_JWT, Optional.empty(), Optional.empty());
            HttpOutboundTransport transport = new HttpOutboundTransport(HttpTransportSettings.DEFAULTS, Clock.systemUTC(),
                    p -> Optional.of(provider));
            for (int i = 0; i < 2; i++) {
                results.add(transport.deliver(new OutboundRequest("0f8fad5b-d9cb-469f-a165-70867728950e", 1, pds,
                        Payload.of(PAYLOAD.getBytes(StandardCharsets.UTF_8)), Map.of("http.header.apikey-hint", "k3y-hint"),
                        provider.authenticate(pds))));
            }
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(results).extracting(r -> r.getClass().getSimpleName()).containsExactly("Permanent", "Transient");
        assertThat(log).as("the transport did log (TRACE is on)").contains("got 401: re-authenticated once").contains("HTTP 400");
        assertThat(log).doesNotContain("access-token", "9000000009", "Smythe", "k3y-hint", "deceased");
    }
}
