package ${package}.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ${package}.internal.ConnectorNames;
import ${package}.internal.config.FeedConfigs;
import ${package}.internal.transport.RunningFeeds;
import ${package}.simulator.BookingSimulator;
import ${package}.simulator.SampleAppointments;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.testkit.TestKernel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollCommandTest {
    @TempDir
    Path dir;

    private BookingSimulator remote;
    private TestKernel kernel;
    private RunningFeeds running;

    @BeforeEach
    void start() throws InterruptedException {
        remote = new BookingSimulator("127.0.0.1", 0).start();
        kernel = TestKernel.builder(dir).journalOnly().start();
        running = new RunningFeeds();
        running.activate(FeedConfigs.feed("main", remote.baseUrl()), kernel.intake(), kernel.health());
    }

    @AfterEach
    void stop() throws InterruptedException {
        running.close();
        kernel.close();
        remote.close();
    }

    @Test
    void pollsTheNamedFeedAndPrintsWhatItDid() throws Exception {
        remote.state().offer("M1", SampleAppointments.message(1, "RXX01", Instant.now()));

        String printed = run("main");

        assertThat(printed).startsWith("main: ").contains("accepted").endsWith("\n");
        assertThat(remote.state().waiting(10)).isEmpty();
        assertThat(kernel.health().components()).extracting(ComponentHealth::component, ComponentHealth::state)
                .contains(org.assertj.core.groups.Tuple.tuple(ConnectorNames.channel("main"), HealthState.UP));
    }

    @Test
    void anUnknownFeedIsOneLineNamingTheRunningOnes() {
        assertThatThrownBy(() -> run("other")).isInstanceOf(CommandException.class)
                .hasMessage(ConnectorNames.CONNECTOR + "-poll: no feed 'other' is running; running: main"
                        + " (an invalid configuration shows in holdfast:status)");
    }

    @Test
    void aFailedPollIsOneLineAndTheFeedShowsDegraded() {
        remote.unavailable(true);

        assertThatThrownBy(() -> run("main")).isInstanceOf(CommandException.class)
                .hasMessageStartingWith(ConnectorNames.CONNECTOR + "-poll main: 0 listed").hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(kernel.health().components()).extracting(ComponentHealth::component, ComponentHealth::state)
                .contains(org.assertj.core.groups.Tuple.tuple(ConnectorNames.channel("main"), HealthState.DEGRADED));
    }

    private String run(String feed) throws Exception {
        PollCommand command = new PollCommand();
        command.feed = feed;
        command.feeds = running.feeds();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
