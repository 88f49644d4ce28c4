package io.holdfast.pds.internal.command;

import io.holdfast.api.model.Gender;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.PdsRecord;
import io.holdfast.pds.PdsService;
import io.holdfast.pds.TraceQuery;
import io.holdfast.pds.TraceResult;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:pds-trace}: a PDS search, candidates best first with scores; restricted fields masked. */
@Command(scope = "holdfast", name = "pds-trace", description = "Searches PDS for a patient by demographics (journaled; restricted fields withheld)")
@Service
public class PdsTraceCommand extends PdsAction {

    @Reference
    PdsService pds;

    @Option(name = "--family", description = "Family name", required = true)
    String family;

    @Option(name = "--given", description = "Given name")
    String given;

    @Option(name = "--dob", description = "Birth date yyyy-mm-dd, optionally prefixed eq, ge or le", required = true)
    String dob;

    @Option(name = "--postcode", description = "Postcode")
    String postcode;

    @Option(name = "--gender", description = "male, female, other or unknown")
    String gender;

    @Option(name = "--fuzzy", description = "Fuzzy search (similar-sounding names, transposed names, history)")
    boolean fuzzy;

    @Option(name = "--exact", description = "Exact matches only")
    boolean exact;

    @Option(name = "--max", description = "Most results, 1-50 (application-restricted access gets 1)")
    int max = 1;

    @Override
    protected String verb() {
        return "pds-trace";
    }

    @Override
    protected void run() throws CommandException {
        TraceQuery.Builder q = TraceQuery.builder().family(family).fuzzy(fuzzy).exact(exact).maxResults(max);
        dob(q);
        if (given != null) {
            q.given(given);
        }
        if (postcode != null) {
            q.postcode(postcode);
        }
        if (gender != null) {
            q.gender(gender(gender));
        }
        TraceResult r = pds.trace(q.build(), CallContext.of(null, "shell"));
        if (r instanceof TraceResult.Matches m) {
            print(m);
        } else if (r instanceof TraceResult.NoMatch) {
            System.out.println("No match in PDS");
        } else if (r instanceof TraceResult.TooManyMatches) {
            throw fail("too many matches (TOO_MANY_MATCHES); add criteria such as --given, --postcode or --gender");
        } else if (r instanceof TraceResult.Refused f) {
            throw fail("PDS refused the search: " + f.code() + " " + f.reason());
        } else {
            TraceResult.Failed f = (TraceResult.Failed) r;
            throw fail(f.failure().code() + " " + f.failure().reason());
        }
    }

    private void dob(TraceQuery.Builder q) throws CommandException {
        String text = dob.trim().toLowerCase(Locale.ROOT);
        TraceQuery.Comparator c = TraceQuery.Comparator.EQ;
        for (TraceQuery.Comparator each : TraceQuery.Comparator.values()) {
            if (text.startsWith(each.name().toLowerCase(Locale.ROOT))) {
                c = each;
                text = text.substring(2);
            }
        }
        try {
            q.birthDate(c, LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw fail("--dob must be yyyy-mm-dd (optionally eq, ge or le before it)");
        }
    }

    private Gender gender(String text) throws CommandException {
        try {
            return Gender.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail("--gender must be male, female, other or unknown");
        }
    }

    private static void print(TraceResult.Matches m) {
        ShellTable table = new ShellTable();
        table.column("Score");
        table.column("NHS number");
        table.column("Name");
        table.column("Birth date");
        table.column("Gender");
        table.column("Postcode");
        table.column("GP");
        table.column("Sensitivity");
        for (TraceResult.Candidate c : m.candidates()) {
            PdsRecord r = c.record();
            String postcode = r.restricted() ? "(withheld)" : r.patient().addresses().stream().flatMap(a -> a.postcode().stream())
                    .findFirst().orElse("");
            String gp = r.restricted() ? "(withheld)" : r.patient().gpPractice().map(g -> g.odsCode()).orElse("");
            table.addRow().addContent(String.format(Locale.ROOT, "%.4f", c.score()), r.nhsNumber().formatted(),
                    r.patient().names().isEmpty() ? "" : PatientPrinter.name(r.patient().names().get(0)),
                    r.patient().birthDate().map(Object::toString).orElse(""), r.patient().gender().name().toLowerCase(Locale.ROOT),
                    postcode, gp, r.patient().sensitivity());
        }
        table.print(System.out);
    }
}
