package io.holdfast.http.internal.command;

import io.holdfast.health.api.HoldfastAction;
import io.holdfast.http.internal.ListenerStats;
import io.holdfast.http.internal.ListenerView;
import io.holdfast.http.internal.Route;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code holdfast:http-listeners}: running HTTP listeners, their bound address and the endpoint paths
 * each serves. A listener that failed to start is not listed; {@code holdfast:status} shows it as
 * {@code http:<name>} DOWN with the reason.
 */
@Service
@Command(scope = "holdfast", name = "http-listeners", description = "Lists HTTP listeners: bound address, TLS, endpoints and request counts")
public class HttpListenersCommand extends HoldfastAction {

    @Reference(optional = true)
    List<ListenerView> listeners;

    PrintStream out = System.out;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Name", "Address", "TLS", "Max body", "Endpoints", "Open", "Requests", "404", "413", "5xx", "Busy (503)",
            "Conns refused"}) {
            table.column(c);
        }
        List<ListenerView> running = listeners == null ? List.of() : listeners.stream().filter(Objects::nonNull)
                .filter(l -> l.boundAddress().isPresent()).sorted(Comparator.comparing(ListenerView::name)).toList();
        for (ListenerView l : running) {
            var settings = l.settings().orElseThrow();
            var address = l.boundAddress().orElseThrow();
            ListenerStats.Snapshot s = l.stats();
            String endpoints = l.routes().stream().map(Route::path).distinct().collect(Collectors.joining(" "));
            table.addRow().addContent(l.name(), address.getHostString() + ":" + address.getPort(),
                    settings.tlsCredential().map(c -> "client auth " + settings.clientAuth()).orElse("off"), settings.maxBodyBytes(),
                    endpoints.isEmpty() ? "(none)" : endpoints, s.open(), s.requests(), s.notFound(), s.tooLarge(), s.serverErrors(), s.busy(),
                    s.connectionsRefused());
        }
        table.print(out);
        if (running.isEmpty()) {
            out.println("No HTTP listener is running. Add etc/io.holdfast.http.listener-<name>.cfg (port=..., bindAddress=...); "
                    + "holdfast:status shows listeners that failed to start.");
        }
    }
}
