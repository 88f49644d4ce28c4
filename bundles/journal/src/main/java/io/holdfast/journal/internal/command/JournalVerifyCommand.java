package io.holdfast.journal.internal.command;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.kernel.ChainVerification;
import io.holdfast.journal.internal.JournalCore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code holdfast:journal-verify}: checks the hash chain; a broken chain is a failure (non-zero exit) naming the first broken row. */
@Command(scope = "holdfast", name = "journal-verify", description = "Checks the journal hash chain (from the signed retention "
        + "checkpoint, if rows were pruned); fails naming the first row that was edited, deleted or reordered.")
@Service
public class JournalVerifyCommand implements Action {

    @Reference
    JournalCore journal;

    @Override
    public Object execute() throws CommandException {
        ChainVerification v = CommandFailures.call("journal-verify", journal::verify);
        String from = CommandFailures.call("journal-verify", journal::prunedToSeq)
                .map(s -> " from the signed checkpoint after pruned row " + s).orElse(" from the first row");
        if (!v.intact()) {
            throw CommandFailures.failure("journal-verify", ErrorCode.JOURNAL_CHAIN_BROKEN.code() + " chain BROKEN at row "
                    + v.firstBrokenRow().get() + ": " + v.problem().orElse("") + " (" + v.rowsChecked() + " rows read" + from + ")");
        }
        System.out.println("Journal chain intact: " + v.rowsChecked() + " rows checked" + from + ".");
        return null;
    }
}
