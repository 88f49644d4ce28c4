package io.holdfast.mesh.internal.transport;

import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.Idempotency;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.message.WireFormat;
import io.holdfast.mesh.internal.config.GzipPolicy;
import io.holdfast.mesh.internal.config.InboundLimits;
import io.holdfast.mesh.internal.config.WorkflowFilter;
import io.holdfast.simulator.mesh.MeshSimulator;
import io.holdfast.testkit.TestKernel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The real kernel from holdfast-testkit (journal, idempotency, Intake on Derby in the test's folder, the
 * kernel's encrypted work files) with a fixed router that sends every event to {@code epr} and no outbox
 * (these tests are about the inbound side), and MESH clients against a simulator.
 */
final class MeshKernelFixture implements AutoCloseable {
    static final Backoff FAST = new Backoff(3, Duration.ofMillis(5), Duration.ofMillis(50));
    final TestKernel testKernel;
    final Journal journal;
    final Idempotency idempotency;
    final Intake intake;
    final Health health;
    final Path dir;
    final WorkFiles files;
    final TestAlerts alerts = new TestAlerts();

    MeshKernelFixture(Path dir) {
        this(dir, (env, e) -> List.of(new Router.Target("mesh-to-epr", "epr", true)));
    }

    /** A kernel whose Intake asks {@code router} (e.g. one that records what it is given). */
    MeshKernelFixture(Path dir, Router router) {
        this.dir = dir;
        testKernel = TestKernel.builder(dir).fixedRouter(router).start();
        journal = testKernel.journal();
        idempotency = testKernel.idempotency();
        intake = testKernel.intake();
        health = testKernel.health();
        files = testKernel.workFiles();
    }

    /** Intake refuses everything from now on, as when the kernel shuts down. */
    void stopIntake() {
        testKernel.stopIntake();
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

    MeshMailboxPoller poller(MeshClient client, WorkFiles workFiles, Intake intake, MeshMailboxPoller.InboxPolicy policy,
                             WireFormat format, ContentCodecs codecs) {
        return new MeshMailboxPoller(client, new DownloadState(workFiles, "mesh-" + client.mailbox()), intake, policy, format, codecs,
                Duration.ofSeconds(30), Clock.systemUTC(), new InboundAlerts(alerts, client.mailbox()));
    }

    MeshUploader uploader(MeshSimulator sim, String mailbox, long chunkSize, GzipPolicy gzip, Backoff backoff) {
        return new MeshUploader(client(sim, mailbox, backoff), chunkSize, gzip, files, "mesh-" + mailbox);
    }

    @Override
    public void close() {
        testKernel.close();
    }
}
