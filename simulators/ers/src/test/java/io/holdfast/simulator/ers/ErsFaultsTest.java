package io.holdfast.simulator.ers;

import static io.holdfast.simulator.ers.ErsClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Injected faults with the published error shapes: 429 (TooManyRequests.yaml), 500 (InternalServerError.yaml),
 * 503 SYSTEM_UNAVAILABLE with Retry-After (STU3-ServiceUnavailable.json, RetryAfter.yaml), 504 GATEWAY_TIMEOUT
 * (STU3-GatewayTimeout.json); by count or by path; delays and resets.
 */
class ErsFaultsTest {
    private static final String REFERRAL = "/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW;
    private ErsSimulator sim;
    private ErsClient client;

    @BeforeEach
    void start() {
        sim = ErsSimulator.start(ErsSimulatorConfig.defaults());
        client = new ErsClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void injectedStatusesCarryThePublishedCodesAndRetryAfterThenServiceResumes() {
        sim.faults().failNextRequests(1, 429, OptionalInt.of(4)).failNextRequests(1, 500).failNextRequests(1, 503, OptionalInt.of(2))
                .failNextRequests(1, 504);

        HttpResponse<String> throttled = client.get(REFERRAL);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(errorCode(throttled)).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(throttled.headers().firstValue("Retry-After")).contains("4");
        HttpResponse<String> error = client.get(REFERRAL);
        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(errorCode(error)).isEqualTo("INTERNAL_SERVER_ERROR");
        HttpResponse<String> unavailable = client.get(REFERRAL);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(errorCode(unavailable)).isEqualTo("SYSTEM_UNAVAILABLE");
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("2");
        HttpResponse<String> timeout = client.get(REFERRAL);
        assertThat(timeout.statusCode()).isEqualTo(504);
        assertThat(errorCode(timeout)).isEqualTo("GATEWAY_TIMEOUT");
        assertThat(client.get(REFERRAL).statusCode()).isEqualTo(200);
        assertThat(sim.faults().pending()).isZero();
    }

    @Test
    void aPathFaultHitsOnlyMatchingRequests() {
        sim.faults().failMatching("$ers.acceptReferral", 1, 504, OptionalInt.empty(), true);

        assertThat(client.get(REFERRAL).statusCode()).isEqualTo(200);
        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5).statusCode()).isEqualTo(504);
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW_2, 12).statusCode()).isEqualTo(200);
    }

    @Test
    void aFaultBeforeTheOperationAppliesNothing() {
        sim.faults().failNextRequests(2, 500);

        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5).statusCode()).isEqualTo(500);
        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5).statusCode()).isEqualTo(500);
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isZero();
        assertThat(sim.referrals().get(SandboxReferrals.BOOKED_FOR_REVIEW).orElseThrow().version()).isEqualTo(5);
    }

    @Test
    void aDelayedAnswerArrivesAfterTheDelay() {
        sim.faults().delayNextRequests(1, Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThat(client.get(REFERRAL).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aResetConnectionGetsNoAnswerAndAppliesNothing() {
        sim.faults().resetNextConnections(1);

        assertThatThrownBy(() -> client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5)).isInstanceOf(UncheckedIOException.class);
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isZero();
        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5).statusCode()).isEqualTo(200);
    }

    @Test
    void clearCancelsPendingFaultsAndBadArgumentsAreRefused() {
        sim.faults().failNextRequests(3, 503);
        assertThat(sim.faults().pending()).isEqualTo(3);
        sim.faults().clear();

        assertThat(client.get(REFERRAL).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> sim.faults().failNextRequests(1, 200)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4xx or 5xx");
        assertThatThrownBy(() -> sim.faults().failNextRequests(0, 500)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 or more");
    }

    @Test
    void requestsCountsEveryRequestIncludingFaultedOnes() {
        sim.faults().failNextRequests(1, 500);
        client.get(REFERRAL);
        client.get(REFERRAL);

        assertThat(sim.requests()).isEqualTo(2);
    }
}
