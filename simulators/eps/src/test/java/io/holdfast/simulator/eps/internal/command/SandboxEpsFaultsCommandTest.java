package io.holdfast.simulator.eps.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.simulator.eps.EpsSimulator;
import io.holdfast.simulator.eps.EpsSimulatorConfig;
import io.holdfast.simulator.eps.internal.EpsSimulatorComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sandbox:eps-faults drives the running simulator's fault injection; bad options are one clear line. */
class SandboxEpsFaultsCommandTest {
    private EpsSimulator sim;
    private SandboxEpsFaultsCommand command;

    @BeforeEach
    void start() {
        sim = EpsSimulator.start(EpsSimulatorConfig.defaults());
        command = newCommand();
    }

    private SandboxEpsFaultsCommand newCommand() {
        SandboxEpsFaultsCommand c = new SandboxEpsFaultsCommand();
        c.simulator = new EpsSimulatorComponent() {
            @Override
            public EpsSimulator simulator() {
                return sim;
            }
        };
        return c;
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int track() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.fhirBaseUrl() + "/Task?identifier=EB8B1F-A83008-42DC8L"))
                .header("X-Request-ID", UUID.randomUUID().toString()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void failMakesTheNextRequestsFailThenServiceResumes() throws Exception {
        command.failStatus = 503;
        command.count = 2;
        command.execute();
        assertThat(track()).isEqualTo(503);
        assertThat(track()).isEqualTo(503);
        assertThat(track()).isEqualTo(200);
    }

    @Test
    void afterCommitEveryAndPathReachTheSimulator() throws Exception {
        command.failStatus = 504;
        command.afterCommit = true;
        command.every = 2;
        command.path = "Task$";
        command.execute();
        assertThat(track()).isEqualTo(200);
        assertThat(track()).isEqualTo(504);
        assertThat(sim.counters().applied(io.holdfast.simulator.eps.EpsOperation.TRACKER_QUERY)).as("processed, then replaced").isEqualTo(2);
        SandboxEpsFaultsCommand clear = newCommand();
        clear.clear = true;
        clear.execute();
        assertThat(track()).isEqualTo(200);
        assertThat(track()).isEqualTo(200);
    }

    @Test
    void badOptionsAreOneLineErrorsAndChangeNothing() throws Exception {
        assertThatThrownBy(command::execute).isInstanceOf(CommandException.class)
                .hasMessage("sandbox:eps-faults: give exactly one of --fail STATUS, --clear");
        command.failStatus = 302;
        assertThatThrownBy(command::execute).hasMessage("sandbox:eps-faults: --fail is 302; allowed: 400 to 599");
        command.failStatus = 503;
        command.count = 0;
        assertThatThrownBy(command::execute).hasMessage("sandbox:eps-faults: --count must be 1 or more and --every 0 or more");
        command.count = 1;
        command.retryAfterSeconds = 2;
        command.afterCommit = true;
        assertThatThrownBy(command::execute)
                .hasMessage("sandbox:eps-faults: --retry-after goes with --fail alone (not --after-commit, --path or --every)");
        command.retryAfterSeconds = -1;
        command.path = "(";
        assertThatThrownBy(command::execute).hasMessageStartingWith("sandbox:eps-faults: --path is not a regular expression");
        assertThat(track()).isEqualTo(200);
    }
}
