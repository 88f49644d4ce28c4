package io.holdfast.routing.internal.command;

import io.holdfast.routing.internal.outbox.OutboxStore;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:deadletters}: deliveries given up, with the reason; replay them with holdfast:replay. */
@Service
@Command(scope = "holdfast", name = "deadletters", description = "Lists dead-lettered deliveries and why; replay with holdfast:replay")
public class DeadLettersCommand implements Action {
    @Reference
    OutboxStore store;

    @Option(name = "--target", description = "Only this inventory system")
    @Completion(TargetCompleter.class)
    String target;

    @Option(name = "--all", description = "Include dead letters already replayed")
    boolean all;

    @Option(name = "--limit", description = "Most rows to show (default 50)")
    int limit = 50;

    @Override
    public Object execute() throws CommandException {
        int rows = CommandFailures.limit("deadletters", limit);
        List<OutboxStore.DeadLetter> found = CommandFailures.call("deadletters",
                () -> store.deadLetters(Optional.ofNullable(target), all, rows));
        ShellTable t = new ShellTable();
        t.column("Outbox id");
        t.column("Journal id");
        t.column("Route");
        t.column("Target");
        t.column("Attempts");
        t.column("Dead since");
        t.column("Reason");
        if (all) {
            t.column("Resolved");
        }
        for (OutboxStore.DeadLetter d : found) {
            org.apache.karaf.shell.support.table.Row row = t.addRow();
            row.addContent(d.outboxId(), d.journalId(), d.routeId(), d.target(), d.attempts(), d.deadAt(), d.reason());
            if (all) {
                row.addContent(d.resolution().map(r -> r + " by " + d.resolvedBy().orElse("?")).orElse(""));
            }
        }
        t.emptyTableText("No dead letters.");
        t.print(System.out);
        return null;
    }
}
