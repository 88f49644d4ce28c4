package io.holdfast.simulator.pds.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.simulator.pds.PdsSimulator;
import io.holdfast.simulator.pds.internal.PdsSimulatorComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sandbox:pds-faults drives the running simulator's fault injection; bad options are one clear line. */
class SandboxPdsFaultsCommandTest {
    private PdsSimulator sim;
    private SandboxPdsFaultsCommand command;

    @BeforeEach
    void start() {
        sim = PdsSimulator.builder().start();
        command = new SandboxPdsFaultsCommand();
        command.simulator = new PdsSimulatorComponent() {
            @Override
            public PdsSimulator simulator() {
                return sim;
            }
        };
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> retrieve() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.fhirBaseUrl() + "/Patient/9000000009"))
                .header("X-Request-ID", UUID.randomUUID().toString()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void failMakesTheNextRequestsFailWithRetryAfterThenServiceResumes() throws Exception {
        command.failStatus = 503;
        command.retryAfterSeconds = 2;
        command.count = 2;
        command.execute();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = retrieve();
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("2");
        }
        assertThat(retrieve().statusCode()).isEqualTo(200);
    }

    @Test
    void clearCancelsPendingFaults() throws Exception {
        command.failStatus = 429;
        command.execute();
        SandboxPdsFaultsCommand clear = new SandboxPdsFaultsCommand();
        clear.simulator = command.simulator;
        clear.clear = true;
        clear.execute();
        assertThat(retrieve().statusCode()).isEqualTo(200);
    }

    @Test
    void badOptionsAreOneLineErrorsAndChangeNothing() throws Exception {
        assertThatThrownBy(command::execute).isInstanceOf(CommandException.class)
                .hasMessage("sandbox:pds-faults: give exactly one of --fail STATUS, --delay-ms MS, --reset, --clear");
        command.failStatus = 302;
        assertThatThrownBy(command::execute).hasMessage("sandbox:pds-faults: --fail is 302; allowed: 400 to 599");
        command.failStatus = 0;
        command.reset = true;
        command.afterProcessing = true;
        assertThatThrownBy(command::execute).hasMessage("sandbox:pds-faults: --after-processing and --retry-after go with --fail");
        command.afterProcessing = false;
        command.count = 0;
        assertThatThrownBy(command::execute).hasMessage("sandbox:pds-faults: --count is 0; allowed: 1 or more");
        assertThat(retrieve().statusCode()).isEqualTo(200);
    }
}
