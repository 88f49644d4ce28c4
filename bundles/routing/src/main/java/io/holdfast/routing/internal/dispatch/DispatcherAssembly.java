package io.holdfast.routing.internal.dispatch;

import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Journal;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.routing.internal.outbox.OutboxStore;
import io.holdfast.routing.internal.outbox.RecentEvents;
import io.holdfast.routing.internal.outbox.TargetMonitor;
import io.holdfast.routing.internal.route.RouteRegistry;

/** Builds a dispatcher from plain objects, as {@link DispatcherComponent} does (tests, benchmarks). */
public final class DispatcherAssembly {
    private DispatcherAssembly() {
    }

    public static Dispatcher start(OutboxStore store, Journal journal, JournalWriter writer, Inventory inventory,
                                   RouteRegistry routes, TargetMonitor monitor, RecentEvents recent, Health health,
                                   ServiceDirectory services, Dispatcher.Settings settings) {
        EventResolver events = new EventResolver(journal, writer, recent, services);
        return new Dispatcher(store, writer, new DeliveryAttempt(inventory, services, events, routes),
                new OutcomeRecorder(writer, store, monitor, settings.waitRetryMs()), monitor, routes, health, settings);
    }
}
