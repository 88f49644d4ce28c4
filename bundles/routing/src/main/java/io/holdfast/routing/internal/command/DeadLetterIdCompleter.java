package io.holdfast.routing.internal.command;

import io.holdfast.routing.internal.outbox.OutboxStore;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes outbox ids of unresolved dead letters. */
@Service
public class DeadLetterIdCompleter implements Completer {
    @Reference
    OutboxStore store;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (OutboxStore.DeadLetter d : store.deadLetters(Optional.empty(), false, 200)) {
            delegate.getStrings().add(String.valueOf(d.outboxId()));
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
