package io.holdfast.simulator.eps;

import static io.holdfast.simulator.eps.EpsClient.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fault injection: 429, 500, 503 and 504 before processing or after commit, by count, by path and every nth request. */
class EpsFaultsTest {
    private static final String PROCESS = "/$process-message";
    private final EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.defaults());
    private final EpsClient client = new EpsClient(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void failuresBeforeProcessingUseThePlatformCodesAndStoreNothing() {
        sim.faults().failNextRequests(1, 429).failNextRequests(1, 500).failNextRequests(1, 503, OptionalInt.of(3));
        HttpResponse<String> throttled = client.post(PROCESS, EpsMessages.order(EpsMessages.PRESCRIPTION));
        HttpResponse<String> internal = client.post(PROCESS, EpsMessages.order(EpsMessages.PRESCRIPTION));
        HttpResponse<String> unavailable = client.post(PROCESS, EpsMessages.order(EpsMessages.PRESCRIPTION));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(code(throttled)).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(internal.statusCode()).isEqualTo(500);
        assertThat(code(internal)).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("3");
        assertThat(sim.counters().storedPrescriptions()).isZero();
        assertThat(client.post(PROCESS, EpsMessages.order(EpsMessages.PRESCRIPTION)).statusCode()).isEqualTo(200);
        assertThat(sim.faults().injected()).isEqualTo(3);
    }

    @Test
    void aPathPatternLimitsTheFault() {
        sim.faults().failRequestsMatching("process-message$", 1, 504, EpsFaults.Timing.AFTER_COMMIT);
        assertThat(client.get("/Task?identifier=" + EpsMessages.PRESCRIPTION).statusCode()).isEqualTo(200);
        assertThat(client.post(PROCESS, EpsMessages.order(EpsMessages.PRESCRIPTION)).statusCode()).isEqualTo(504);
        assertThat(sim.counters().storedTimes(EpsMessages.PRESCRIPTION)).isEqualTo(1);
        assertThat(client.post(PROCESS, EpsMessages.order("5018BB-A83008-4E5885")).statusCode()).isEqualTo(200);
    }

    @Test
    void everyNthRequestFailsUntilCleared() {
        sim.faults().failEveryNthRequest(3, 504, EpsFaults.Timing.AFTER_COMMIT, Optional.empty());
        int[] statuses = new int[6];
        for (int i = 0; i < 6; i++) {
            statuses[i] = client.get("/Task?identifier=" + EpsMessages.PRESCRIPTION).statusCode();
        }
        assertThat(statuses).containsExactly(200, 200, 504, 200, 200, 504);
        sim.faults().clear();
        assertThat(client.get("/Task?identifier=" + EpsMessages.PRESCRIPTION).statusCode()).isEqualTo(200);
    }

    @Test
    void delaysAndResets() {
        sim.faults().delayNextRequests(1, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(client.get("/Task?identifier=" + EpsMessages.PRESCRIPTION).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        sim.faults().resetNextConnections(1);
        // a POST: java.net.http resends an idempotent GET once after a reset on its own
        assertThatThrownBy(() -> client.post(PROCESS, EpsMessages.order(EpsMessages.PRESCRIPTION))).isInstanceOf(UncheckedIOException.class);
        assertThat(client.get("/Task?identifier=" + EpsMessages.PRESCRIPTION).statusCode()).isEqualTo(200);
    }

    @Test
    void badFaultArgumentsAreRefused() {
        assertThatThrownBy(() -> sim.faults().failNextRequests(1, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().failNextRequests(0, 503)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().failEveryNthRequest(0, 504, EpsFaults.Timing.AFTER_COMMIT, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
