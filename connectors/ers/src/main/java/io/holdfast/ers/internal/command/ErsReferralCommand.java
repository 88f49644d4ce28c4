package io.holdfast.ers.internal.command;

import io.holdfast.api.event.Referral;
import io.holdfast.ers.CallContext;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.ErsService;
import io.holdfast.ers.Ubrn;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;

/** {@code holdfast:ers-referral <ubrn>}: one referral from e-RS (A005), journaled. */
@Command(scope = "holdfast", name = "ers-referral", description = "Retrieves a referral from e-RS by UBRN (journaled; shows patient data)")
@Service
public class ErsReferralCommand extends ErsAction {

    @Reference
    ErsService ers;

    @Argument(index = 0, name = "ubrn", description = "Unique Booking Reference Number, 12 digits (spaces or dashes allowed)", required = true)
    String ubrn;

    @Override
    protected String verb() {
        return "ers-referral";
    }

    @Override
    protected void run() throws CommandException {
        Ubrn parsed = Ubrn.parse(ubrn);
        ErsReferral r = done(ers.retrieve(parsed, CallContext.of(null, "shell " + user())));
        print(r, System.out);
    }

    static void print(ErsReferral r, PrintStream out) {
        Referral ref = r.referral();
        out.println("UBRN        " + new Ubrn(ref.ubrn()).formatted() + "  (version " + r.versionId() + ")");
        out.println("State       " + r.state().orElse(ref.status()));
        out.println("Patient     " + ref.patient().nhsNumber().map(n -> n.formatted()).orElse("-"));
        out.println("Specialty   " + ref.specialty().orElse("-"));
        out.println("Priority    " + ref.priority().orElse("-"));
        out.println("Attachments " + (r.attachments().isEmpty() ? "none" : r.attachments().size()));
        for (ErsReferral.Attachment a : r.attachments()) {
            out.println("  " + a.binaryId() + "  " + a.contentType() + "  " + a.title() + a.availability().map(v -> "  " + v).orElse(""));
        }
    }

    private static String user() {
        String name = ShellUtil.getCurrentUserName();
        return name == null ? "unknown" : name;
    }
}
