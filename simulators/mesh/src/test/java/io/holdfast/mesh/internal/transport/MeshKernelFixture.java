package io.holdfast.mesh.internal.transport;

import io.holdfast.api.kernel.Router;
import io.holdfast.idempotency.internal.IdempotencyCore;
import io.holdfast.intake.internal.IntakeCore;
import io.holdfast.journal.internal.JournalCore;
import io.holdfast.journal.internal.JournalFixture;
import io.holdfast.journal.internal.TestKeys;
import io.holdfast.mesh.internal.config.GzipPolicy;
import io.holdfast.simulator.mesh.MeshSimulator;
import io.holdfast.store.internal.JdbcStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** The real kernel (journal, idempotency, Intake on Derby) and MESH clients against a simulator. */
final class MeshKernelFixture implements AutoCloseable {
    static final Backoff FAST = new Backoff(3, Duration.ofMillis(5), Duration.ofMillis(50));
    final JournalCore journal;
    final IdempotencyCore idempotency;
    final IntakeCore intake;
    final Path dir;

    MeshKernelFixture(Path dir) {
        this.dir = dir;
        EmbeddedDataSource ds = JournalFixture.derby(dir);
        JdbcStore store = new JdbcStore(ds, "test");
        journal = new JournalCore(store, new TestKeys(), dir, JournalFixture.config(256));
        idempotency = new IdempotencyCore(store, journal);
        Router router = (env, e) -> List.of(new Router.Target("mesh-to-epr", "epr", true));
        intake = new IntakeCore(journal, idempotency, () -> Optional.of(router), List::of);
    }

    static MeshClient client(MeshSimulator sim, String mailbox, Backoff backoff) {
        MeshEndpoint e = new MeshEndpoint(URI.create(sim.baseUrl()), mailbox, "password",
                "TestKey".getBytes(StandardCharsets.UTF_8), Optional.empty());
        return new MeshClient(new MeshHttp(e, MeshHttp.newClient(e, Duration.ofSeconds(5)), Clock.systemUTC(), backoff,
                Duration.ofSeconds(30)));
    }

    MeshMailboxPoller poller(MeshSimulator sim, String mailbox, Backoff backoff, Set<String> workflows) {
        return new MeshMailboxPoller(client(sim, mailbox, backoff), new DownloadState(dir.resolve("work").resolve(mailbox)), intake,
                workflows, io.holdfast.api.message.WireFormat.opaque(), 2, Duration.ofSeconds(30), Clock.systemUTC());
    }

    MeshMailboxPoller poller(MeshSimulator sim, String mailbox, Backoff backoff, io.holdfast.api.message.WireFormat format,
                             ContentCodecs codecs) {
        return new MeshMailboxPoller(client(sim, mailbox, backoff), new DownloadState(dir.resolve("work").resolve(mailbox)), intake,
                Set.of(), format, codecs, 2, Duration.ofSeconds(30), Clock.systemUTC());
    }

    MeshUploader uploader(MeshSimulator sim, String mailbox, long chunkSize, GzipPolicy gzip, Backoff backoff) {
        return new MeshUploader(client(sim, mailbox, backoff), chunkSize, gzip, dir.resolve("out"));
    }

    @Override
    public void close() {
        intake.close();
        journal.close();
    }
}
