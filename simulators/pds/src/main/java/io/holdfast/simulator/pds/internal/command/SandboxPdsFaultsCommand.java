package io.holdfast.simulator.pds.internal.command;

import io.holdfast.simulator.pds.PdsFaults;
import io.holdfast.simulator.pds.internal.PdsSimulatorComponent;
import java.time.Duration;
import java.util.OptionalInt;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code sandbox:pds-faults}: the sandbox PDS simulator's fault injection ({@link PdsFaults}) from the shell, so
 * a connector's retry, backoff and same-X-Request-ID resend can be watched against the running sandbox.
 */
@Command(scope = "sandbox", name = "pds-faults", description = "Makes the next PDS simulator requests fail, wait or drop (sandbox only)")
@Service
public class SandboxPdsFaultsCommand implements Action {
    static final String NAME = "sandbox:pds-faults";

    @Reference
    PdsSimulatorComponent simulator;

    @Option(name = "--fail", description = "Answer with this status (4xx/5xx; 503 SERVICE_UNAVAILABLE, 408, 429, ...)")
    int failStatus;

    @Option(name = "--after-processing", description = "With --fail: process the request first (an update takes effect), then fail")
    boolean afterProcessing;

    @Option(name = "--retry-after", description = "With --fail: Retry-After seconds to send")
    int retryAfterSeconds = -1;

    @Option(name = "--delay-ms", description = "Answer normally, but only after this many milliseconds")
    long delayMillis;

    @Option(name = "--reset", description = "Reset the connection without answering")
    boolean reset;

    @Option(name = "--clear", description = "Cancel every pending fault")
    boolean clear;

    @Option(name = "--count", description = "How many of the next requests (default 1)")
    int count = 1;

    @Override
    public Object execute() throws CommandException {
        int chosen = (failStatus != 0 ? 1 : 0) + (delayMillis != 0 ? 1 : 0) + (reset ? 1 : 0) + (clear ? 1 : 0);
        if (chosen != 1) {
            throw error("give exactly one of --fail STATUS, --delay-ms MS, --reset, --clear");
        }
        if (count < 1) {
            throw error("--count is " + count + "; allowed: 1 or more");
        }
        if (failStatus == 0 && (afterProcessing || retryAfterSeconds >= 0)) {
            throw error("--after-processing and --retry-after go with --fail");
        }
        PdsFaults faults = simulator.simulator().faults();
        System.out.println(apply(faults));
        return null;
    }

    private String apply(PdsFaults faults) throws CommandException {
        if (clear) {
            faults.clear();
            return "No pending PDS faults.";
        }
        if (reset) {
            faults.resetNextConnections(count);
            return "The next " + count + " PDS request(s) get their connection reset.";
        }
        if (delayMillis != 0) {
            if (delayMillis < 0) {
                throw error("--delay-ms is " + delayMillis + "; allowed: 1 or more");
            }
            faults.delayNextRequests(count, Duration.ofMillis(delayMillis));
            return "The next " + count + " PDS request(s) are answered after " + delayMillis + " ms.";
        }
        if (failStatus < 400 || failStatus > 599) {
            throw error("--fail is " + failStatus + "; allowed: 400 to 599");
        }
        OptionalInt retryAfter = retryAfterSeconds >= 0 ? OptionalInt.of(retryAfterSeconds) : OptionalInt.empty();
        if (afterProcessing) {
            faults.failNextRequestsAfterProcessing(count, failStatus, retryAfter);
        } else {
            faults.failNextRequests(count, failStatus, retryAfter);
        }
        return "The next " + count + " PDS request(s) are answered " + failStatus
                + (afterProcessing ? " after being processed" : "") + (retryAfter.isPresent() ? ", Retry-After " + retryAfterSeconds : "") + ".";
    }

    private static CommandException error(String reason) {
        return new CommandException(NAME + ": " + reason);
    }
}
