package io.holdfast.journal.command;

import io.holdfast.api.kernel.ChainVerification;
import io.holdfast.api.kernel.Journal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code holdfast:journal-verify}: checks the hash chain and names the first broken row. */
@Command(scope = "holdfast", name = "journal-verify", description = "Checks the journal hash chain; names the first row that was edited, deleted or reordered.")
@Service
public class JournalVerifyCommand implements Action {

    @Reference
    Journal journal;

    @Override
    public Object execute() {
        ChainVerification v = journal.verify();
        if (v.intact()) {
            System.out.println("Journal chain intact: " + v.rowsChecked() + " rows checked.");
        } else {
            System.out.println("Journal chain BROKEN at row " + v.firstBrokenRow().get() + ": " + v.problem().orElse("")
                    + " (" + v.rowsChecked() + " rows read).");
        }
        return null;
    }
}
