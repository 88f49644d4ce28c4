package io.holdfast.simulator.mesh.internal;

import io.holdfast.simulator.mesh.MeshSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's MESH partner: every interval, one small file (no patient data) from one simulated mailbox to
 * another, as if the partner had uploaded it; stops after {@code count} files.
 */
final class MeshDemoSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MeshDemoSender.class);

    private final MeshSimulator simulator;
    private final String from;
    private final String to;
    private final String workflow;
    private final int count;
    private final AtomicInteger sent = new AtomicInteger();
    private final ScheduledExecutorService executor;

    private MeshDemoSender(MeshSimulator simulator, String from, String to, String workflow, int count) {
        this.simulator = simulator;
        this.from = from;
        this.to = to;
        this.workflow = workflow;
        this.count = count;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mesh-simulator-demo");
            t.setDaemon(true);
            return t;
        });
    }

    static MeshDemoSender start(MeshSimulator simulator, String from, String to, String workflow, Duration interval, int count) {
        MeshDemoSender demo = new MeshDemoSender(simulator, from, to, workflow, count);
        demo.executor.scheduleWithFixedDelay(demo::sendOne, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("MESH demo partner {} sends a file to {} (workflow {}) every {} s, {} in all", from, to, workflow, interval.toSeconds(), count);
        return demo;
    }

    private void sendOne() {
        int n = sent.incrementAndGet();
        if (n > count) {
            executor.shutdown();
            return;
        }
        try {
            String id = simulator.send(from, to, workflow, "demo-" + n + ".csv", content(n));
            LOG.info("MESH demo partner {}: sent demo-{}.csv to {} as {}", from, n, to, id);
        } catch (RuntimeException e) {
            // a demo misconfiguration (unknown mailbox, workflow) is the admin's to fix; say it once and stop
            LOG.warn("MESH demo partner {} stopped: {}", from, e.getMessage());
            executor.shutdown();
        }
    }

    static byte[] content(int n) {
        return ("file,sender,created\n" + n + ",demo partner," + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
