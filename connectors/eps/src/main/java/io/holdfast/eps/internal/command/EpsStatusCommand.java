package io.holdfast.eps.internal.command;

import io.holdfast.api.event.PrescriptionId;
import io.holdfast.api.kernel.Journal;
import io.holdfast.eps.PrescriptionIds;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code holdfast:eps-status <prescription-id>}: the prescription's lineage in Holdfast's journal (EPS's FHIR API has
 * no status read). A malformed id fails with one line saying whether the groups or the check character are wrong;
 * an id the journal does not know fails too (exit non-zero).
 */
@Command(scope = "holdfast", name = "eps-status", description = "Shows what Holdfast sent to and heard from EPS about one prescription")
@Service
public class EpsStatusCommand implements Action {

    @Reference
    Journal journal;

    @Argument(index = 0, name = "prescription-id", required = true, description = "Short-form prescription id XXXXXX-XXXXXX-XXXXXC")
    String id;

    @Option(name = "--system", description = "Inventory id of the EPS system whose direct calls to include (default eps)")
    String system = "eps";

    @Override
    public Object execute() throws CommandException {
        java.util.Optional<String> problem = PrescriptionIds.problem(id);
        if (problem.isPresent()) {
            throw new CommandException("eps-status: prescription id " + problem.get());
        }
        PrescriptionId pid = new PrescriptionId(id.trim().toUpperCase(Locale.ROOT));
        List<EpsLineage.Step> steps;
        try {
            steps = new EpsLineage(journal).of(pid, system);
        } catch (RuntimeException e) {
            throw new CommandException("eps-status: the journal could not be read (" + e.getClass().getSimpleName() + ")");
        }
        if (steps.isEmpty()) {
            throw new CommandException("eps-status: the journal has nothing about prescription " + pid.value());
        }
        ShellTable table = new ShellTable();
        table.column("At");
        table.column("Journal");
        table.column("Message");
        table.column("Stage");
        table.column("System");
        table.column("Detail");
        steps.forEach(s -> table.addRow().addContent(s.at(), s.journalId(), s.messageId(), s.stage(), s.system(), s.detail()));
        table.print(System.out);
        System.out.println(steps.size() + " step(s) for " + pid.value() + " from the journal (EPS's FHIR API has no status read)");
        return null;
    }
}
