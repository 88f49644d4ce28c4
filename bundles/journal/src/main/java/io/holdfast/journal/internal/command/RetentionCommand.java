package io.holdfast.journal.internal.command;

import io.holdfast.journal.internal.RetentionControl;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;

/** {@code holdfast:retention [--run]}: shows the retention policy and what is due; {@code --run} prunes now (journaled). */
@Command(scope = "holdfast", name = "retention", description = "Shows the retention policy (PID io.holdfast.retention) and what "
        + "is due; --run prunes now under the retention lease and journals the run with your user name.")
@Service
public class RetentionCommand implements Action {

    @Reference
    RetentionControl retention;

    @Option(name = "--run", description = "prune what is due now (payload files, delivered outbox rows, journal rows past the legal hold)")
    boolean run;

    @Override
    public Object execute() throws CommandException {
        System.out.println("Policy: " + retention.describePolicy());
        if (!run) {
            System.out.println(CommandFailures.call("retention", retention::describeDue));
            return null;
        }
        System.out.println("Done: " + CommandFailures.call("retention", () -> retention.runNow(user())));
        return null;
    }

    private static String user() {
        String user = ShellUtil.getCurrentUserName();
        return user == null || user.isBlank() ? "os:" + System.getProperty("user.name", "unknown") : user;
    }
}
