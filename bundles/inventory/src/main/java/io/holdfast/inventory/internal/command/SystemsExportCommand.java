package io.holdfast.inventory.internal.command;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.health.api.HoldfastAction;
import io.holdfast.inventory.internal.SystemsExport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/** {@code holdfast:systems-export}: the whole inventory as CSV or JSON, to the console or a file. */
@Service
@Command(scope = "holdfast", name = "systems-export", description = "Exports the inventory as CSV or JSON")
public class SystemsExportCommand extends HoldfastAction {
    @Reference
    Inventory inventory;

    @Option(name = "--format", description = "csv (default) or json")
    String format = "csv";

    @Option(name = "--output", description = "File to write (default: print to the console); an existing file is replaced")
    @Completion(FileCompleter.class)
    String output;

    PrintStream out = System.out;

    @Override
    protected void run() {
        SystemsExport export = SystemsExport.named(format);
        List<DownstreamSystem> systems = inventory.all();
        try {
            if (output == null) {
                export.write(systems, new OutputStreamWriter(out, StandardCharsets.UTF_8));
                return;
            }
            Path file = Path.of(output);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                export.write(systems, writer);
            }
            out.println("Exported " + systems.size() + " systems to " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION, "Could not write " + output + ": " + e.getMessage()
                    + "; nothing was exported");
        }
    }
}
