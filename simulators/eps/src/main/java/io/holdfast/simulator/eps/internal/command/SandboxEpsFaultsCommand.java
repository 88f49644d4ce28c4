package io.holdfast.simulator.eps.internal.command;

import io.holdfast.simulator.eps.EpsFaults;
import io.holdfast.simulator.eps.internal.EpsSimulatorComponent;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code sandbox:eps-faults}: the sandbox EPS simulator's fault injection ({@link EpsFaults}) from the shell, e.g.
 * {@code --fail 504 --after-commit} to lose the answer of an order that was stored and watch the connector resend it
 * with the same X-Request-ID.
 */
@Command(scope = "sandbox", name = "eps-faults", description = "Makes the next EPS simulator requests fail (sandbox only)")
@Service
public class SandboxEpsFaultsCommand implements Action {
    static final String NAME = "sandbox:eps-faults";

    @Reference
    EpsSimulatorComponent simulator;

    @Option(name = "--fail", description = "Answer with this status (4xx/5xx: 429, 500, 503, 504, ...)")
    int failStatus;

    @Option(name = "--after-commit", description = "With --fail: process the request first (an order is stored), then answer the status")
    boolean afterCommit;

    @Option(name = "--retry-after", description = "With --fail (not --after-commit): Retry-After seconds to send")
    int retryAfterSeconds = -1;

    @Option(name = "--path", description = "With --fail: only requests whose path contains a match of this regular expression, e.g. process-message")
    String path;

    @Option(name = "--every", description = "With --fail: every Nth request until --clear, instead of the next --count")
    int every;

    @Option(name = "--clear", description = "Cancel every pending fault")
    boolean clear;

    @Option(name = "--count", description = "How many of the next requests (default 1)")
    int count = 1;

    @Override
    public Object execute() throws CommandException {
        if ((failStatus != 0) == clear) {
            throw error("give exactly one of --fail STATUS, --clear");
        }
        EpsFaults faults = simulator.simulator().faults();
        if (clear) {
            faults.clear();
            System.out.println("No pending EPS faults.");
            return null;
        }
        check();
        EpsFaults.Timing timing = afterCommit ? EpsFaults.Timing.AFTER_COMMIT : EpsFaults.Timing.BEFORE_PROCESSING;
        if (every > 0) {
            faults.failEveryNthRequest(every, failStatus, timing, Optional.ofNullable(path));
        } else if (path != null) {
            faults.failRequestsMatching(path, count, failStatus, timing);
        } else if (afterCommit) {
            faults.failNextRequestsAfterCommit(count, failStatus);
        } else {
            faults.failNextRequests(count, failStatus, retryAfterSeconds >= 0 ? OptionalInt.of(retryAfterSeconds) : OptionalInt.empty());
        }
        System.out.println((every > 0 ? "One in every " + every : "The next " + count) + " EPS request(s)"
                + (path != null ? " matching '" + path + "'" : "") + " are answered " + failStatus
                + (afterCommit ? " after being processed" : "") + ".");
        return null;
    }

    private void check() throws CommandException {
        if (failStatus < 400 || failStatus > 599) {
            throw error("--fail is " + failStatus + "; allowed: 400 to 599");
        }
        if (count < 1 || every < 0) {
            throw error("--count must be 1 or more and --every 0 or more");
        }
        if (retryAfterSeconds >= 0 && (afterCommit || path != null || every > 0)) {
            throw error("--retry-after goes with --fail alone (not --after-commit, --path or --every)");
        }
        if (path != null) {
            try {
                java.util.regex.Pattern.compile(path);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw error("--path is not a regular expression: " + e.getDescription());
            }
        }
    }

    private static CommandException error(String reason) {
        return new CommandException(NAME + ": " + reason);
    }
}
