package io.holdfast.pds.internal.command;

import io.holdfast.api.model.NhsNumber;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.PdsService;
import io.holdfast.pds.RetrieveResult;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code holdfast:pds-get <nhs>}: one patient from PDS, journaled; restricted fields masked. */
@Command(scope = "holdfast", name = "pds-get", description = "Retrieves a patient from PDS by NHS number (journaled; restricted fields withheld)")
@Service
public class PdsGetCommand extends PdsAction {

    @Reference
    PdsService pds;

    @Argument(index = 0, name = "nhs", description = "NHS number (spaces or dashes allowed)", required = true)
    String nhs;

    @Override
    protected String verb() {
        return "pds-get";
    }

    @Override
    protected void run() throws CommandException {
        NhsNumber number = NhsNumber.parse(nhs);
        RetrieveResult r = pds.retrieve(number, CallContext.of(null, "shell"));
        if (r instanceof RetrieveResult.Found f) {
            PatientPrinter.print(f.record(), System.out);
            if (f.fromCache()) {
                System.out.println("(from the cache)");
            }
        } else if (r instanceof RetrieveResult.Superseded s) {
            System.out.println("NHS number " + s.requested().formatted() + " is superseded by " + s.current().formatted()
                    + "; use the new number");
            PatientPrinter.print(s.record(), System.out);
        } else if (r instanceof RetrieveResult.NotFound) {
            throw fail("PDS has no patient with this NHS number (RESOURCE_NOT_FOUND)");
        } else if (r instanceof RetrieveResult.Invalidated) {
            throw fail("this NHS number was invalidated in PDS (INVALIDATED_RESOURCE); do not use it");
        } else if (r instanceof RetrieveResult.InvalidNumber i) {
            throw fail(i.reason());
        } else {
            RetrieveResult.Failed failed = (RetrieveResult.Failed) r;
            throw fail(failed.failure().code() + " " + failed.failure().reason());
        }
    }
}
