package io.holdfast.mesh.internal.transport;

import io.holdfast.api.kernel.Router;
import io.holdfast.idempotency.internal.IdempotencyCore;
import io.holdfast.intake.internal.IntakeCore;
import io.holdfast.journal.internal.JournalCore;
import io.holdfast.journal.internal.JournalFixture;
import io.holdfast.journal.internal.TestKeys;
import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.message.WireFormat;
import io.holdfast.journal.internal.workfile.EncryptedWorkFiles;
import io.holdfast.mesh.internal.config.GzipPolicy;
import io.holdfast.mesh.internal.config.InboundLimits;
import io.holdfast.mesh.internal.config.WorkflowFilter;
import io.holdfast.simulator.mesh.MeshSimulator;
import io.holdfast.store.internal.JdbcStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** The real kernel (journal, idempotency, Intake on Derby) and MESH clients against a simulator. */
final class MeshKernelFixture implements AutoCloseable {
    static final Backoff FAST = new Backoff(3, Duration.ofMillis(5), Duration.ofMillis(50));
    final JournalCore journal;
    final IdempotencyCore idempotency;
    final IntakeCore intake;
    final Path dir;
    final EncryptedWorkFiles files;
    final TestAlerts alerts = new TestAlerts();

    MeshKernelFixture(Path dir) {
        this.dir = dir;
        EmbeddedDataSource ds = JournalFixture.derby(dir);
        JdbcStore store = new JdbcStore(ds, "test");
        journal = new JournalCore(store, new TestKeys(), dir, JournalFixture.config(256));
        idempotency = new IdempotencyCore(store, journal);
        Router router = (env, e) -> List.of(new Router.Target("mesh-to-epr", "epr", true));
        intake = new IntakeCore(journal, idempotency, () -> Optional.of(router), List::of);
        files = new EncryptedWorkFiles(dir.resolve("work"), new TestKeys());
    }

    static MeshClient client(MeshSimulator sim, String mailbox, Backoff backoff) {
        MeshEndpoint e = new MeshEndpoint(URI.create(sim.baseUrl()), mailbox, "password",
                "TestKey".getBytes(StandardCharsets.UTF_8), Optional.empty());
        return new MeshClient(new MeshHttp(e, MeshHttp.newClient(e, Duration.ofSeconds(5)), Clock.systemUTC(), backoff,
                Duration.ofSeconds(30)));
    }

    MeshMailboxPoller poller(MeshSimulator sim, String mailbox, Backoff backoff, WorkflowFilter workflows) {
        return poller(sim, mailbox, backoff, workflows, InboundLimits.DEFAULTS, files);
    }

    MeshMailboxPoller poller(MeshSimulator sim, String mailbox, Backoff backoff, WorkflowFilter workflows, InboundLimits limits,
                             WorkFiles workFiles) {
        return poller(client(sim, mailbox, backoff), workFiles, intake, new MeshMailboxPoller.InboxPolicy(workflows, 2, limits),
                WireFormat.opaque(), ContentCodecs.NONE);
    }

    MeshMailboxPoller poller(MeshSimulator sim, String mailbox, Backoff backoff, WireFormat format, ContentCodecs codecs) {
        return poller(client(sim, mailbox, backoff), files, intake, new MeshMailboxPoller.InboxPolicy(WorkflowFilter.ALL, 2,
                InboundLimits.DEFAULTS), format, codecs);
    }

    MeshMailboxPoller poller(MeshClient client, WorkFiles workFiles, IntakeCore intake, MeshMailboxPoller.InboxPolicy policy,
                             WireFormat format, ContentCodecs codecs) {
        return new MeshMailboxPoller(client, new DownloadState(workFiles, "mesh-" + client.mailbox()), intake, policy, format, codecs,
                Duration.ofSeconds(30), Clock.systemUTC(), new InboundAlerts(alerts, client.mailbox()));
    }

    MeshUploader uploader(MeshSimulator sim, String mailbox, long chunkSize, GzipPolicy gzip, Backoff backoff) {
        return new MeshUploader(client(sim, mailbox, backoff), chunkSize, gzip, files, "mesh-" + mailbox);
    }

    @Override
    public void close() {
        intake.close();
        journal.close();
    }
}
