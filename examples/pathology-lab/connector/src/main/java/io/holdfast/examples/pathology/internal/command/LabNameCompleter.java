package io.holdfast.examples.pathology.internal.command;

import io.holdfast.examples.pathology.internal.config.LabView;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the names of running labs. */
@Service
public class LabNameCompleter implements Completer {

    @Reference(optional = true)
    List<LabView> labs;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        LabCommands.running(labs).forEach(l -> names.getStrings().add(l.settings().name()));
        return names.complete(session, commandLine, candidates);
    }
}
