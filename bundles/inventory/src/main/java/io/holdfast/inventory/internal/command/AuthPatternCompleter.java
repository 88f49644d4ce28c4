package io.holdfast.inventory.internal.command;

import io.holdfast.api.spi.AuthPattern;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes auth pattern names. */
@Service
public class AuthPatternCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> names = Arrays.stream(AuthPattern.values()).map(Enum::name).collect(Collectors.toList());
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
