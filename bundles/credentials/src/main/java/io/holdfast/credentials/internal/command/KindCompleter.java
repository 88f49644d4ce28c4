package io.holdfast.credentials.internal.command;

import io.holdfast.credentials.api.CredentialKind;
import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes credential kinds. */
@Service
public class KindCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Arrays.stream(CredentialKind.values()).map(Enum::name).toList())
                .complete(session, commandLine, candidates);
    }
}
