package io.holdfast.mllp.internal.command;

import io.holdfast.mllp.internal.transport.ListenerStats;
import io.holdfast.mllp.internal.transport.ListenerView;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code holdfast:mllp-listeners}: running MLLP listeners with their counters. Listeners whose
 * configuration was rejected or that could not bind are not running; {@code holdfast:status}
 * shows them as {@code mllp:<name>} DOWN with the reason.
 */
@Service
@Command(scope = "holdfast", name = "mllp-listeners", description = "Lists MLLP listeners: address, ACK mode, connections and message counts")
public class MllpListenersCommand implements Action {

    @Reference(optional = true)
    List<ListenerView> listeners;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Name", "Address", "Ack mode", "Max frame", "Open", "Conns", "Frames", "Accepted", "Duplicates",
            "Rejected", "Refused (AE)", "Oversized", "Incomplete", "Noise bytes", "Conns refused"}) {
            table.column(c);
        }
        List<ListenerView> all = listeners == null ? List.of() : listeners.stream()
                // a listener whose activation failed is registered but yields no service object (null)
                .filter(java.util.Objects::nonNull).filter(ListenerView::isBound).sorted(Comparator.comparing(l -> l.settings().name())).toList();
        for (ListenerView l : all) {
            ListenerStats.Snapshot s = l.stats();
            table.addRow().addContent(l.settings().name(), l.settings().bindAddress() + ":" + l.boundPort(), l.settings().ackMode(),
                    l.settings().maxFrameBytes(), s.connectionsOpen(), s.connectionsTotal(), s.frames(), s.accepted(), s.duplicates(),
                    s.rejected(), s.refused(), s.oversized(), s.incomplete(), s.discardedBytes(), s.connectionsRefused());
        }
        table.print(System.out);
        if (all.isEmpty()) {
            System.out.println("No MLLP listener is running. Add etc/io.holdfast.mllp.listener-<name>.cfg (port=..., bindAddress=...); "
                    + "holdfast:status shows listeners that failed to start.");
        }
        return null;
    }
}
