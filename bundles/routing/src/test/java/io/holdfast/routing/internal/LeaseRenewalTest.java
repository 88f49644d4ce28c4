package io.holdfast.routing.internal;

import static io.holdfast.routing.internal.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.routing.internal.dispatch.Dispatcher;
import io.holdfast.routing.internal.outbox.OutboxState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 6: a lease matches the work. A delivery that takes four times the lease (a slow
 * MESH upload) keeps its lease while it runs, so neither this node's recovery nor a second
 * node's dispatcher takes the row and sends it again.
 */
class LeaseRenewalTest {
    private static final long LEASE_MS = 1000;

    @TempDir
    Path dir;

    @Test
    void aDeliverySlowerThanItsLeaseIsSentOnce() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"))) {
            f.transport.behave(ScriptedTransport.slow(4 * LEASE_MS));
            Dispatcher a = f.startDispatcher(f.recent, new Dispatcher.Settings(2, 20, LEASE_MS, 10, 50, "node-a"));
            Dispatcher b = f.startDispatcher(f.recent, new Dispatcher.Settings(2, 20, LEASE_MS, 10, 50, "node-b"));
            try {
                IntakeReceipt r = f.accept("M1", "P1|V1|Slow");
                await("delivered", () -> f.outbox.byJournalId(r.journalId()).get(0).state() == OutboxState.DONE);
                assertThat(f.transport.calls()).as("sends while the first was still running").hasSize(1);
                assertThat(f.outbox.byJournalId(r.journalId()).get(0).attempts()).isEqualTo(1);
            } finally {
                b.close();
                a.close();
            }
        }
    }
}
