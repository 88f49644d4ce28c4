package io.holdfast.routing.internal.command;

import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.OutboxState;
import io.holdfast.routing.internal.outbox.OutboxStore;
import io.holdfast.routing.internal.route.RouteRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:outbox}: depth per target and state, or (with --list) the rows themselves. */
@Service
@Command(scope = "holdfast", name = "outbox", description = "Shows outbox depth per target and state; --list shows rows")
public class OutboxCommand implements Action {
    @Reference
    OutboxStore store;

    @Reference
    RouteRegistry routes;

    @Option(name = "--list", description = "List rows instead of counting them")
    boolean list;

    @Option(name = "--target", description = "Only this inventory system")
    @Completion(TargetCompleter.class)
    String target;

    @Option(name = "--state", description = "Only rows in this state (with --list)")
    @Completion(value = StringsCompleter.class, values = {"PENDING", "LEASED", "DONE", "DEAD_LETTER"})
    String state;

    @Option(name = "--limit", description = "Most rows to list (default 50)")
    int limit = 50;

    @Override
    public Object execute() throws CommandException {
        Optional<OutboxState> wanted;
        try {
            wanted = Optional.ofNullable(state).map(s -> OutboxState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw CommandFailures.failure("outbox", "unknown --state '" + state + "'; use PENDING, LEASED, DONE or DEAD_LETTER");
        }
        if (list) {
            int rows = CommandFailures.limit("outbox", limit);
            print(CommandFailures.call("outbox", () -> store.list(Optional.ofNullable(target), wanted, rows)));
        } else {
            if (wanted.isPresent()) {
                throw CommandFailures.failure("outbox", "--state needs --list");
            }
            depths(CommandFailures.call("outbox", store::depths));
        }
        return null;
    }

    private void depths(List<OutboxStore.Depth> depths) {
        ShellTable t = new ShellTable();
        t.column("Target");
        t.column("State");
        t.column("Rows");
        t.column("Oldest");
        t.column("Depth limit");
        for (OutboxStore.Depth d : depths) {
            if (target == null || target.equals(d.target())) {
                t.addRow().addContent(d.target(), d.state(), d.rows(), d.oldest(),
                        routes.depthLimit(d.target()).stream().mapToObj(String::valueOf).findFirst().orElse("-"));
            }
        }
        t.emptyTableText("The outbox is empty.");
        t.print(System.out);
    }

    private void print(List<OutboxRow> rows) {
        ShellTable t = new ShellTable();
        t.column("Id");
        t.column("Journal id");
        t.column("Route");
        t.column("Target");
        t.column("State");
        t.column("Attempts");
        t.column("Next attempt");
        t.column("Request id");
        t.column("Last error");
        for (OutboxRow r : rows) {
            String shown = r.state() == OutboxState.PENDING && r.trackingId().isPresent() ? "TRACKING" : r.state().name();
            t.addRow().addContent(r.id(), r.journalId(), r.routeId(), r.target(), shown, r.attempts(), r.nextAttemptAt(),
                    r.requestId(), r.lastError().orElse(""));
        }
        t.emptyTableText("No rows.");
        t.print(System.out);
    }
}
