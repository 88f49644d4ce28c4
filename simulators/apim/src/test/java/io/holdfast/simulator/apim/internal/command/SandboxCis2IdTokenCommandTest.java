package io.holdfast.simulator.apim.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.simulator.apim.ApimSimulator;
import io.holdfast.simulator.apim.internal.ApimSimulatorComponent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sandbox:cis2-id-token prints an ID token of the simulated CIS2 for the user and application; bad input is one line. */
class SandboxCis2IdTokenCommandTest {
    private ApimSimulator sim;
    private SandboxCis2IdTokenCommand command;

    @BeforeEach
    void start() {
        sim = ApimSimulator.builder().start();
        command = new SandboxCis2IdTokenCommand();
        command.simulator = new ApimSimulatorComponent() {
            @Override
            public ApimSimulator simulator() {
                return sim;
            }
        };
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void printsAnIdTokenOfTheSimulatedCis2ForTheUserAndTheSandboxApplication() throws Exception {
        command.user = "555021935107";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(original);
        }
        String[] parts = out.toString(StandardCharsets.UTF_8).strip().split("\\.");
        assertThat(parts).hasSize(3);
        var claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("sub").asText()).isEqualTo("555021935107");
        assertThat(claims.path("aud").asText()).isEqualTo("holdfast-sandbox-pds");
        assertThat(claims.path("iss").asText()).isEqualTo(sim.cis2().issuer());
    }

    @Test
    void badInputIsAOneLineError() {
        command.user = "jane";
        assertThatThrownBy(command::execute).isInstanceOf(CommandException.class)
                .hasMessage("sandbox:cis2-id-token: user 'jane' is not a CIS2 user UUID; allowed: digits, e.g. 555021935107");
        command.user = "1";
        command.minutes = 0;
        assertThatThrownBy(command::execute).hasMessage("sandbox:cis2-id-token: --minutes is 0; allowed: 1 to 720");
    }
}
