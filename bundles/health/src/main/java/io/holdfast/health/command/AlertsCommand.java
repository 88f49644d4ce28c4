package io.holdfast.health.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.holdfast.api.kernel.Alert;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.health.api.HoldfastAction;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:alerts}: the active alerts, most severe first, as a table or JSON. */
@Command(scope = "holdfast", name = "alerts", description = "Lists the active alerts (most severe first), as a table or with --json")
@Service
public class AlertsCommand extends HoldfastAction {

    @Reference
    Alerts alerts;

    @Option(name = "--json", description = "Print a JSON array of {key, severity, source, text, raisedAt, updatedAt}")
    boolean json;

    PrintStream out = System.out;

    @Override
    protected void run() {
        List<Alert> active = alerts.active();
        if (json) {
            printJson(active);
        } else if (active.isEmpty()) {
            out.println("No active alerts");
        } else {
            table(active).print(out);
        }
    }

    /** The alerts as a table (also used by holdfast:status). */
    static ShellTable table(List<Alert> active) {
        ShellTable table = new ShellTable();
        table.column("Severity");
        table.column("Key");
        table.column("Source");
        table.column("Since");
        table.column("Alert").maxSize(100).wrap();
        for (Alert a : active) {
            table.addRow().addContent(a.severity(), a.key(), a.source(), a.raisedAt().toString(), a.text());
        }
        return table;
    }

    private void printJson(List<Alert> active) {
        try {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonGenerator g = new JsonFactory().createGenerator(writer).useDefaultPrettyPrinter();
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            for (Alert a : active) {
                g.writeStartObject();
                g.writeStringField("key", a.key());
                g.writeStringField("severity", a.severity().name());
                g.writeStringField("source", a.source());
                g.writeStringField("text", a.text());
                g.writeStringField("raisedAt", a.raisedAt().toString());
                g.writeStringField("updatedAt", a.updatedAt().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
            g.close();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
