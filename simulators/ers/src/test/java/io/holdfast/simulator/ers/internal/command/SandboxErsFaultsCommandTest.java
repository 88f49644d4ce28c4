package io.holdfast.simulator.ers.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.simulator.ers.ErsOperation;
import io.holdfast.simulator.ers.ErsSimulator;
import io.holdfast.simulator.ers.ErsSimulatorConfig;
import io.holdfast.simulator.ers.SandboxReferrals;
import io.holdfast.simulator.ers.internal.ErsSimulatorComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sandbox:ers-faults drives the running simulator's fault injection; bad options are one clear line. */
class SandboxErsFaultsCommandTest {
    private ErsSimulator sim;
    private SandboxErsFaultsCommand command;

    @BeforeEach
    void start() {
        sim = ErsSimulator.start(ErsSimulatorConfig.defaults());
        command = new SandboxErsFaultsCommand();
        command.simulator = new ErsSimulatorComponent() {
            @Override
            public ErsSimulator simulator() {
                return sim;
            }
        };
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.fhirBaseUrl() + path)).header("X-Request-ID", UUID.randomUUID().toString())
                .header("NHSD-eRS-Business-Function", "SERVICE_PROVIDER_CLINICIAN").header("NHSD-End-User-Organisation-ODS", "R69");
        if (method.equals("POST")) {
            b.header("If-Match", "W/\"5\"").header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void failMakesTheNextRequestsFailWithRetryAfterThenServiceResumes() throws Exception {
        command.failStatus = 503;
        command.retryAfterSeconds = 2;
        command.count = 2;
        command.execute();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = send("GET", "/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("2");
        }
        assertThat(send("GET", "/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW).statusCode()).isEqualTo(200);
    }

    @Test
    void failAfterCommitOnAPathAppliesTheMatchingOperationAndLosesItsAnswer() throws Exception {
        command.failStatus = 504;
        command.afterCommit = true;
        command.pathContains = "$ers.acceptReferral";
        command.execute();

        assertThat(send("GET", "/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.acceptReferral").statusCode())
                .isEqualTo(504);
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
    }

    @Test
    void clearCancelsPendingFaults() throws Exception {
        command.failStatus = 500;
        command.count = 5;
        command.execute();
        SandboxErsFaultsCommand clear = new SandboxErsFaultsCommand();
        clear.simulator = command.simulator;
        clear.clear = true;
        clear.execute();

        assertThat(sim.faults().pending()).isZero();
    }

    @Test
    void wrongOptionCombinationsAreOneLineErrorsAndChangeNothing() {
        command.failStatus = 503;
        command.reset = true;
        assertThatThrownBy(command::execute).isInstanceOf(CommandException.class)
                .hasMessage("sandbox:ers-faults: give exactly one of --fail STATUS, --delay-ms MS, --reset, --clear");
        SandboxErsFaultsCommand bad = new SandboxErsFaultsCommand();
        bad.simulator = command.simulator;
        bad.failStatus = 200;
        assertThatThrownBy(bad::execute).hasMessage("sandbox:ers-faults: --fail is 200; allowed: 400 to 599");
        SandboxErsFaultsCommand orphan = new SandboxErsFaultsCommand();
        orphan.simulator = command.simulator;
        orphan.reset = true;
        orphan.afterCommit = true;
        assertThatThrownBy(orphan::execute).hasMessage("sandbox:ers-faults: --after-commit and --retry-after go with --fail");
        assertThat(sim.faults().pending()).isZero();
    }
}
