package io.holdfast.simulator.apim.internal.command;

import io.holdfast.simulator.apim.internal.ApimSimulatorComponent;
import java.time.Duration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code sandbox:cis2-id-token <user>}: stands in for a smartcard sign-in at NHS CIS2 and prints the ID token the
 * simulated CIS2 issues to an application, which the application then exchanges at the APIM simulator's token
 * endpoint (token exchange) for a user-restricted access token. Sandbox only; real CIS2 sign-in is interactive.
 */
@Command(scope = "sandbox", name = "cis2-id-token", description = "Prints a simulated CIS2 ID token for a user (sandbox only)")
@Service
public class SandboxCis2IdTokenCommand implements Action {
    static final String NAME = "sandbox:cis2-id-token";
    static final String SANDBOX_API_KEY = "holdfast-sandbox-pds";

    @Reference
    ApimSimulatorComponent simulator;

    @Argument(index = 0, name = "user", description = "The CIS2 user's UUID (digits), e.g. 555021935107", required = true)
    String user;

    @Option(name = "--api-key", description = "The application (its API key) the token is for; default holdfast-sandbox-pds")
    String apiKey = SANDBOX_API_KEY;

    @Option(name = "--minutes", description = "Lifetime in minutes (default 10)")
    int minutes = 10;

    @Override
    public Object execute() throws CommandException {
        if (user == null || !user.matches("[0-9]{1,20}")) {
            throw new CommandException(NAME + ": user '" + user + "' is not a CIS2 user UUID; allowed: digits, e.g. 555021935107");
        }
        if (minutes < 1 || minutes > 720) {
            throw new CommandException(NAME + ": --minutes is " + minutes + "; allowed: 1 to 720");
        }
        System.out.println(simulator.simulator().cis2().issueIdToken(user, apiKey, Duration.ofMinutes(minutes)));
        return null;
    }
}
