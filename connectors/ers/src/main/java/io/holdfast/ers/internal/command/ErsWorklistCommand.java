package io.holdfast.ers.internal.command;

import io.holdfast.ers.CallContext;
import io.holdfast.ers.ErsService;
import io.holdfast.ers.WorklistItem;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:ers-worklist [--service id]}: the provider's 'Referrals for Review' worklist (A008), journaled. */
@Command(scope = "holdfast", name = "ers-worklist", description = "Lists the e-RS 'Referrals for Review' worklist (journaled)")
@Service
public class ErsWorklistCommand extends ErsAction {

    @Reference
    ErsService ers;

    @Option(name = "--service", description = "e-RS service id (default: serviceId of the system's io.holdfast.ers.role-<id>.cfg)")
    String service;

    @Override
    protected String verb() {
        return "ers-worklist";
    }

    @Override
    protected void run() throws CommandException {
        if (service != null && !service.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw fail("--service is an e-RS service id: 1-64 of A-Z a-z 0-9 _ . -");
        }
        List<WorklistItem> items = done(ers.worklist(Optional.ofNullable(service), CallContext.of(null, "shell")));
        ShellTable table = new ShellTable();
        table.column("UBRN");
        table.column("Priority");
        table.column("Specialty");
        table.column("Type");
        table.column("Review status");
        for (WorklistItem i : items) {
            table.addRow().addContent(i.ubrn().value(), i.priority().orElse("-"), i.specialty().orElse("-"), i.referralType().orElse("-"),
                    i.reviewStatus().orElse("-"));
        }
        table.print(System.out);
        System.out.println(items.size() + " referral" + (items.size() == 1 ? "" : "s") + " for review");
    }
}
