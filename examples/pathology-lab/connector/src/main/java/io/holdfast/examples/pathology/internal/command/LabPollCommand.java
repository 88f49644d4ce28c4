package io.holdfast.examples.pathology.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.examples.pathology.internal.config.LabView;
import io.holdfast.examples.pathology.internal.transport.PollReport;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code pathology:lab-poll <name>}: polls a lab now and prints the outcome. A failed poll fails the
 * command with one line (a thrown {@link CommandException}, so {@code bin/client} exits non-zero).
 */
@Service
@Command(scope = "pathology", name = "lab-poll", description = "Polls a pathology lab now and prints the rows taken")
public class LabPollCommand implements Action {

    @Reference(optional = true)
    List<LabView> labs;

    @Argument(index = 0, name = "name", required = true, description = "Lab name (the <name> of io.holdfast.examples.pathology.lab-<name>.cfg)")
    @Completion(LabNameCompleter.class)
    String name;

    @Override
    public Object execute() throws CommandException, InterruptedException {
        PollReport report;
        try {
            report = LabCommands.require(labs, name).pollNow();
        } catch (HoldfastException e) {
            throw new CommandException(e.describe(), e);
        }
        if (!report.ok()) {
            throw new CommandException(name + ": " + report.describe());
        }
        System.out.println(name + ": " + report.describe());
        return null;
    }
}
