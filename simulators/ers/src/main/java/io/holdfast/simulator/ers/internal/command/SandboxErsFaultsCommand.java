package io.holdfast.simulator.ers.internal.command;

import io.holdfast.simulator.ers.ErsFaults;
import io.holdfast.simulator.ers.internal.ErsSimulatorComponent;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code sandbox:ers-faults}: the sandbox e-RS simulator's fault injection ({@link ErsFaults}) from the shell, so a
 * connector's retry and same-X-Request-ID resend can be watched against the running sandbox — including the lost
 * response ({@code --fail 504 --after-commit}: the accept is applied, the answer is a 504).
 */
@Command(scope = "sandbox", name = "ers-faults", description = "Makes the next e-RS simulator requests fail, wait or drop (sandbox only)")
@Service
public class SandboxErsFaultsCommand implements Action {
    static final String NAME = "sandbox:ers-faults";

    @Reference
    ErsSimulatorComponent simulator;

    @Option(name = "--fail", description = "Answer with this status (4xx/5xx: 504 GATEWAY_TIMEOUT, 503, 500, 429, ...)")
    int failStatus;

    @Option(name = "--after-commit", description = "With --fail: apply the operation first, then answer the failure (lost response)")
    boolean afterCommit;

    @Option(name = "--retry-after", description = "With --fail: Retry-After seconds to send")
    int retryAfterSeconds = -1;

    @Option(name = "--path", description = "Only requests whose path contains this (e.g. $ers.acceptReferral or a UBRN)")
    String pathContains;

    @Option(name = "--delay-ms", description = "Answer normally, but only after this many milliseconds")
    long delayMillis;

    @Option(name = "--reset", description = "Reset the connection without answering")
    boolean reset;

    @Option(name = "--clear", description = "Cancel every pending fault")
    boolean clear;

    @Option(name = "--count", description = "How many of the next (matching) requests (default 1)")
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
        if (failStatus == 0 && (afterCommit || retryAfterSeconds >= 0)) {
            throw error("--after-commit and --retry-after go with --fail");
        }
        if (pathContains != null && pathContains.isBlank()) {
            throw error("--path is empty; give a part of the request path, e.g. $ers.acceptReferral");
        }
        System.out.println(apply(simulator.simulator().faults()));
        return null;
    }

    private String apply(ErsFaults faults) throws CommandException {
        if (clear) {
            faults.clear();
            return "No pending e-RS faults.";
        }
        String which = "The next " + count + " e-RS request(s)" + (pathContains != null ? " with '" + pathContains + "' in the path" : "");
        Optional<String> path = Optional.ofNullable(pathContains);
        if (reset) {
            faults.arm(count, new ErsFaults.Fault(path, 0, OptionalInt.empty(), false, Duration.ZERO, true));
            return which + " get their connection reset.";
        }
        if (delayMillis != 0) {
            if (delayMillis < 0) {
                throw error("--delay-ms is " + delayMillis + "; allowed: 1 or more");
            }
            faults.arm(count, new ErsFaults.Fault(path, 0, OptionalInt.empty(), false, Duration.ofMillis(delayMillis), false));
            return which + " are answered after " + delayMillis + " ms.";
        }
        if (failStatus < 400 || failStatus > 599) {
            throw error("--fail is " + failStatus + "; allowed: 400 to 599");
        }
        OptionalInt retryAfter = retryAfterSeconds >= 0 ? OptionalInt.of(retryAfterSeconds) : OptionalInt.empty();
        faults.arm(count, new ErsFaults.Fault(path, failStatus, retryAfter, afterCommit, Duration.ZERO, false));
        return which + " are answered " + failStatus + (afterCommit ? " after being applied" : " without being applied")
                + (retryAfter.isPresent() ? ", Retry-After " + retryAfterSeconds : "") + ".";
    }

    private static CommandException error(String reason) {
        return new CommandException(NAME + ": " + reason);
    }
}
