package io.holdfast.inventory.internal.command;

import io.holdfast.api.kernel.Transports;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the built-in transport names. */
@Service
public class TransportCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> names = List.of(Transports.HTTP, Transports.MLLP, Transports.MESH, Transports.SFTP, Transports.DB,
                Transports.SPINE_EBXML);
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
