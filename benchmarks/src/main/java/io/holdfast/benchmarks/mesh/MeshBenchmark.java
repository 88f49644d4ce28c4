package io.holdfast.benchmarks.mesh;

import io.holdfast.api.kernel.Alert;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.benchmarks.Report;
import io.holdfast.benchmarks.kernel.HoldfastKernel;
import io.holdfast.mesh.internal.config.GzipPolicy;
import io.holdfast.mesh.internal.config.InboundLimits;
import io.holdfast.mesh.internal.config.MeshMailboxConfig;
import io.holdfast.mesh.internal.config.WorkflowFilter;
import io.holdfast.mesh.internal.transport.Backoff;
import io.holdfast.mesh.internal.transport.ContentCodecs;
import io.holdfast.mesh.internal.transport.DownloadState;
import io.holdfast.mesh.internal.transport.InboundAlerts;
import io.holdfast.mesh.internal.transport.MeshClient;
import io.holdfast.mesh.internal.transport.MeshEndpoint;
import io.holdfast.mesh.internal.transport.MeshHttp;
import io.holdfast.mesh.internal.transport.MeshMailboxPoller;
import io.holdfast.mesh.internal.transport.MeshUploader;
import io.holdfast.mesh.internal.transport.OutgoingMessage;
import io.holdfast.mesh.internal.transport.PollResult;
import io.holdfast.simulator.mesh.MeshSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code benchmarks/run mesh}: a 100 MB message and 1000 × 10 KB messages sent and received through
 * the MESH simulator, by Holdfast (MeshUploader → simulator → MeshMailboxPoller → Intake on the real
 * kernel, then acknowledge) and by a raw JDK HttpClient copy, back to back in this JVM, each warmed
 * up. Payload compressibility is fixed (half random, half repeated text per 64 KiB block). Gzip policy
 * for the measured runs: NEVER on both sides (on loopback gzip only costs CPU); one AUTO run of the
 * 100 MB message is printed to show the policy's effect. Heap: live heap after GC sampled during a
 * Holdfast 100 MB transfer, minus the same before it.
 */
public final class MeshBenchmark {
    static final long CHUNK = MeshMailboxConfig.DEFAULT_CHUNK_SIZE;
    private final Path work;
    private final MeshSimulator sim;
    private final HoldfastKernel kernel;
    /** A benchmark run raises no alert worth keeping: caps and disk space are not what is measured. */
    private static final Alerts NO_ALERTS = new Alerts() {
        @Override
        public void raise(String key, AlertSeverity severity, String source, String text) {
        }

        @Override
        public void clear(String key) {
        }

        @Override
        public List<Alert> active() {
            return List.of();
        }
    };
    private final RawMeshCopy raw;

    MeshBenchmark(Path work) {
        this.work = work;
        this.sim = MeshSimulator.builder().dataDir(work.resolve("sim")).mailbox("X26ABC1", "password")
                .mailbox("X26ABC2", "password").start();
        this.kernel = HoldfastKernel.inbound(work.resolve("kernel"));
        this.raw = new RawMeshCopy(sim.baseUrl(), "TestKey");
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int small = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Files.createDirectories(work);
        MeshBenchmark b = new MeshBenchmark(work);
        try {
            b.run(small);
        } finally {
            b.kernel.close();
            b.sim.close();
        }
        System.exit(0);
    }

    void run(int smallCount) throws Exception {
        Path big = payload(work.resolve("payload-100mb.bin"), 100L * 1024 * 1024);
        Path warm = payload(work.resolve("payload-10mb.bin"), 10L * 1024 * 1024);
        Path tenK = payload(work.resolve("payload-10kb.bin"), 10 * 1024);
        Path rawDir = Files.createDirectories(work.resolve("raw-in"));
        log("warming up");
        for (int i = 0; i < 2; i++) {
            rawCopy(warm, rawDir);
            holdfastCopy(warm, GzipPolicy.NEVER);
            rawSmall(tenK, 100, rawDir);
            holdfastSmall(tenK, 100);
        }
        log("100 MB: raw, Holdfast, raw, Holdfast");
        double raw1 = rawCopy(big, rawDir), hf1 = holdfastCopy(big, GzipPolicy.NEVER);
        double raw2 = rawCopy(big, rawDir), hf2 = holdfastCopy(big, GzipPolicy.NEVER);
        double rawBig = Math.min(raw1, raw2), hfBig = Math.min(hf1, hf2);
        log("100 MB with gzip AUTO (informational)");
        double hfAuto = holdfastCopy(big, GzipPolicy.AUTO);
        log("heap during a Holdfast 100 MB transfer");
        double heapGrowth = heapGrowthMb(big);
        log(smallCount + " x 10 KB: raw, Holdfast");
        double rawSmall = rawSmall(tenK, smallCount, rawDir), hfSmall = holdfastSmall(tenK, smallCount);
        double mb = 100.0;
        new Report("MESH: 100 MB and " + smallCount + " x 10 KB through the simulator, raw HttpClient vs Holdfast (gzip NEVER)")
                .row("case", "raw", "holdfast", "holdfast/raw")
                .row("100 MB send+receive MB/s", Report.format(mb / rawBig), Report.format(mb / hfBig), Report.format(rawBig / hfBig))
                .row("100 MB, Holdfast gzip AUTO MB/s", "", Report.format(mb / hfAuto), Report.format(rawBig / hfAuto))
                .row(smallCount + " x 10 KB msgs/s", Report.format(smallCount / rawSmall), Report.format(smallCount / hfSmall),
                        Report.format(rawSmall / hfSmall))
                .row("live heap growth during 100 MB (MB)", "", Report.format(heapGrowth), "")
                .result("mesh_ratio_100mb", rawBig / hfBig)
                .result("mesh_ratio_small", rawSmall / hfSmall)
                .result("mesh_heap_growth_mb", heapGrowth)
                .print();
    }

    /** Seconds for one send + receive + acknowledge with the raw client. */
    double rawCopy(Path file, Path dir) throws Exception {
        long t0 = System.nanoTime();
        raw.send("X26ABC1", "X26ABC2", file, CHUNK);
        double sent = seconds(t0);
        int got = raw.receiveAll("X26ABC2", dir);
        check(got == 1, "raw copy received " + got);
        log(String.format("raw %s: send %.2f s, receive %.2f s", file.getFileName(), sent, seconds(t0) - sent));
        return seconds(t0);
    }

    double holdfastCopy(Path file, GzipPolicy gzip) {
        MeshUploader up = new MeshUploader(client("X26ABC1"), CHUNK, gzip, workFiles(), "mesh-X26ABC1");
        MeshMailboxPoller poller = poller();
        long t0 = System.nanoTime();
        up.send(new OutgoingMessage("X26ABC2", "BENCH", Optional.empty(), Optional.of("big-" + t0), Optional.of("big.bin"),
                Payload.ofFile(file)));
        double sent = seconds(t0);
        PollResult r = poller.pollOnce();
        check(r.delivered() == 1, "Holdfast copy: " + r);
        log(String.format("Holdfast %s (%s): send %.2f s, receive %.2f s", file.getFileName(), gzip, sent, seconds(t0) - sent));
        return seconds(t0);
    }

    double rawSmall(Path file, int n, Path dir) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            raw.send("X26ABC1", "X26ABC2", file, CHUNK);
        }
        double sent = seconds(t0);
        check(raw.receiveAll("X26ABC2", dir) == n, "raw small");
        log(String.format("raw %d small: send %.2f s, receive %.2f s", n, sent, seconds(t0) - sent));
        return seconds(t0);
    }

    double holdfastSmall(Path file, int n) throws IOException {
        MeshUploader up = new MeshUploader(client("X26ABC1"), CHUNK, GzipPolicy.NEVER, workFiles(), "mesh-X26ABC1");
        MeshMailboxPoller poller = poller();
        // Each message differs (a counter prefix) so Intake sees new content, as real traffic would.
        byte[] base = Files.readAllBytes(file);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            byte[] content = base.clone();
            byte[] tag = (t0 + ":" + i + ":").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(tag, 0, content, 0, tag.length);
            up.send(new OutgoingMessage("X26ABC2", "BENCH", Optional.empty(), Optional.of("s-" + t0 + "-" + i), Optional.empty(),
                    Payload.of(content)));
        }
        double sent = seconds(t0);
        PollResult r = poller.pollOnce();
        check(r.delivered() == n, "Holdfast small: " + r);
        log(String.format("Holdfast %d small: send %.2f s, receive %.2f s", n, sent, seconds(t0) - sent));
        return seconds(t0);
    }

    double heapGrowthMb(Path file) throws Exception {
        var mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = mem.getHeapMemoryUsage().getUsed();
        AtomicLong max = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                max.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.start();
        holdfastCopy(file, GzipPolicy.NEVER);
        sampler.interrupt();
        sampler.join();
        return Math.max(0, max.get() - before) / (1024.0 * 1024.0);
    }

    private MeshClient client(String mailbox) {
        MeshEndpoint e = new MeshEndpoint(URI.create(sim.baseUrl()), mailbox, "password", "TestKey".getBytes(StandardCharsets.UTF_8),
                Optional.empty());
        return new MeshClient(new MeshHttp(e, MeshHttp.newClient(e, Duration.ofSeconds(10)), Clock.systemUTC(), Backoff.DEFAULT,
                Duration.ofMinutes(5)));
    }

    private MeshMailboxPoller poller() {
        return new MeshMailboxPoller(client("X26ABC2"), new DownloadState(workFiles(), "mesh-X26ABC2"), kernel.intake(),
                new MeshMailboxPoller.InboxPolicy(WorkflowFilter.ALL, 500, InboundLimits.DEFAULTS), WireFormat.opaque(),
                ContentCodecs.NONE, Duration.ofMinutes(5), Clock.systemUTC(), new InboundAlerts(NO_ALERTS, "X26ABC2"));
    }

    /** The kernel's encrypted work files (as the MESH connector gets them in Karaf), under the benchmark folder. */
    private WorkFiles workFiles() {
        return kernel.kernel().workFiles();
    }

    /** Fixed compressibility: each 64 KiB block is half random bytes, half repeated ASCII text (seeded). */
    static Path payload(Path file, long size) throws IOException {
        if (Files.exists(file) && Files.size(file) == size) {
            return file;
        }
        Random random = new Random(20260301);
        byte[] text = "MSH|^~\\&|PAS|RXX|EPR|RXX|20260301101500||ADT^A01|".getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                for (int i = block.length / 2; i < block.length; i++) {
                    block[i] = text[i % text.length];
                }
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return file;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark run went wrong: " + what);
        }
    }

    private static void log(String s) {
        System.err.println("[mesh] " + s);
    }
}
