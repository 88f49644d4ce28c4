package io.holdfast.mesh.internal.command;

import io.holdfast.mesh.internal.transport.MeshMailbox;
import io.holdfast.mesh.internal.transport.MeshMailboxes;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes configured MESH mailbox ids. */
@Service
public class MeshMailboxCompleter implements Completer {

    @Reference
    MeshMailboxes mailboxes;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (MeshMailbox m : mailboxes.all()) {
            delegate.getStrings().add(m.settings().mailboxId());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
