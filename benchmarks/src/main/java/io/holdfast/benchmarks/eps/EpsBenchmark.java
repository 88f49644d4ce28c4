package io.holdfast.benchmarks.eps;

import io.holdfast.benchmarks.Report;
import io.holdfast.simulator.eps.EpsFaults;
import io.holdfast.simulator.eps.EpsSimulator;
import io.holdfast.simulator.eps.EpsSimulatorConfig;
import io.holdfast.testkit.OutboxEntry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code benchmarks/run eps}, in one JVM against one in-process EPS simulator (open access, as the NHS sandbox):
 * <ol>
 * <li>raw: {@value #SENDERS} threads POST the prescription-order bodies with the JDK HttpClient to
 * {@code $process-message}, each waiting for its 200 — prescriptions stored per second;</li>
 * <li>routed: {@value #SENDERS} senders hand the same kind of messages (other prescriptions) to Intake, each waiting
 * until its message is durable; the kernel routes them through the outbox to the EPS connector's transport, which
 * POSTs them to the same simulator — prescriptions stored by the simulator per second, from the first submission of
 * the measured batch to the last store;</li>
 * <li>duplicates: routed again with one in ten {@code $process-message} answers lost after the order was stored
 * (504 after commit); every prescription must be stored exactly once.</li>
 * </ol>
 * Each side is warmed up first. {@code eps_ratio} = routed/s ÷ raw/s. The in-process simulator answers an order in
 * well under a millisecond, far faster than EPS over the network; so last both comparisons run again with every
 * simulator answer delayed by an assumed EPS latency (default 50 ms, not blocking a server thread):
 * {@code eps_ratio_at_<ms>ms}.
 */
public final class EpsBenchmark {
    static final int SENDERS = 4;
    private static final Duration DRAIN = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/eps-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int faulted = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int latencyMs = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int slow = latencyMs > 0 ? 400 : 0;
        Files.createDirectories(work);
        Report report = new Report("EPS: prescriptions routed end to end (Intake -> outbox -> EPS transport -> simulator) vs raw HttpClient POSTs");
        report.row("side", "prescriptions", "seconds", "per second");
        try (EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.builder().threads(2).build())) {
            List<EpsWorkload.Item> rawItems = EpsWorkload.items("raw", warmup + n, sim.fhirBaseUrl(), SENDERS);
            List<EpsWorkload.Item> routedItems = EpsWorkload.items("routed", warmup + n, sim.fhirBaseUrl(), SENDERS);
            List<EpsWorkload.Item> faultedItems = EpsWorkload.items("faulted", faulted, sim.fhirBaseUrl(), SENDERS);
            List<EpsWorkload.Item> slowRaw = EpsWorkload.items("slow-raw", slow, sim.fhirBaseUrl(), SENDERS);
            List<EpsWorkload.Item> slowRouted = EpsWorkload.items("slow-routed", slow, sim.fhirBaseUrl(), SENDERS);
            double raw = raw(sim, rawItems, warmup, report, "raw HttpClient POST");
            double routed;
            long duplicates;
            try (RoutedEps eps = new RoutedEps(work.resolve("kernel"), sim.fhirBaseUrl())) {
                routed = routed(sim, eps, routedItems, warmup, report, "routed through Holdfast");
                duplicates = duplicates(sim, eps, faultedItems, report);
                if (latencyMs > 0) {
                    sim.faults().delayNextRequests(Integer.MAX_VALUE, Duration.ofMillis(latencyMs));
                    double slowRawRate = raw(sim, slowRaw, slow / 4, report, "raw, every answer " + latencyMs + " ms later");
                    double slowRoutedRate = routed(sim, eps, slowRouted, slow / 4, report, "routed, every answer " + latencyMs + " ms later");
                    sim.faults().clear();
                    report.result("eps_ratio_at_" + latencyMs + "ms", slowRoutedRate / slowRawRate);
                }
            }
            double[] fsync = fsyncMillis(work.resolve("fsync.bin"), 200);
            report.row("4 KiB write + fsync on the kernel's disk, p50 / p99 ms", "", Report.format(fsync[0]), Report.format(fsync[1]));
            report.result("eps_ratio", routed / raw);
            report.result("eps_routed_per_s", routed);
            report.result("eps_raw_per_s", raw);
            report.result("eps_duplicates", duplicates);
        }
        report.print();
    }

    private static double raw(EpsSimulator sim, List<EpsWorkload.Item> items, int warmup, Report report, String label) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(sim.fhirBaseUrl() + "/$process-message");
        parallel(items.subList(0, warmup), item -> post(http, uri, item));
        long t0 = System.nanoTime();
        parallel(items.subList(warmup, items.size()), item -> post(http, uri, item));
        double seconds = (System.nanoTime() - t0) / 1e9;
        int measured = items.size() - warmup;
        requireStored(sim, items);
        report.row(label, String.valueOf(measured), Report.format(seconds), Report.format(measured / seconds));
        return measured / seconds;
    }

    private static void post(HttpClient http, URI uri, EpsWorkload.Item item) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/fhir+json")
                .header("X-Request-ID", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofByteArray(item.message())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("raw POST of " + item.prescriptionId() + " answered " + r.statusCode() + ": " + new String(r.body()));
        }
    }

    private static double routed(EpsSimulator sim, RoutedEps eps, List<EpsWorkload.Item> items, int warmup, Report report, String label)
            throws Exception {
        int before = sim.counters().storedPrescriptions();
        parallel(items.subList(0, warmup), item -> eps.accept("W-" + item.prescriptionId(), item.message()));
        awaitStored(sim, before + warmup);
        awaitDrained(eps);
        long commits0 = eps.commits();
        long t0 = System.nanoTime();
        parallel(items.subList(warmup, items.size()), item -> eps.accept("M-" + item.prescriptionId(), item.message()));
        awaitStored(sim, before + items.size());
        double seconds = (System.nanoTime() - t0) / 1e9;
        awaitDrained(eps);
        int measured = items.size() - warmup;
        requireStored(sim, items);
        report.row(label, String.valueOf(measured), Report.format(seconds), Report.format(measured / seconds));
        report.row("  journal commits per routed prescription (Intake + delivery outcomes, group-committed)", "", "",
                Report.format((eps.commits() - commits0) / (double) measured));
        return measured / seconds;
    }

    /**
     * One in ten $process-message answers lost after commit; returns prescriptions stored more than once (an ID stored
     * twice, or one prescribed item stored under two IDs). Resends under a new X-Request-ID (answered
     * DUPLICATE_PRESCRIPTION_ID, so not stored) are reported apart.
     */
    private static long duplicates(EpsSimulator sim, RoutedEps eps, List<EpsWorkload.Item> items, Report report) throws Exception {
        int before = sim.counters().storedPrescriptions();
        long injectedBefore = sim.faults().injected();
        sim.faults().failEveryNthRequest(10, 504, EpsFaults.Timing.AFTER_COMMIT, Optional.of("process-message$"));
        long t0 = System.nanoTime();
        parallel(items, item -> eps.accept("F-" + item.prescriptionId(), item.message()));
        awaitStored(sim, before + items.size());
        awaitDrained(eps);
        sim.faults().clear();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long resentUnderNewId = items.stream().filter(i -> sim.counters().orderDeliveries(i.prescriptionId()) > 1).count();
        long notStoredOnce = items.stream().filter(i -> sim.counters().storedTimes(i.prescriptionId()) != 1).count();
        long dead = eps.outbox().stream().filter(o -> !o.state().equals("DONE")).count();
        report.row("routed, 504 after commit on 1 in 10", String.valueOf(items.size()), Report.format(seconds),
                Report.format(items.size() / seconds));
        report.row("  504s injected / resent under a new X-Request-ID / rows not DONE / not stored exactly once",
                String.valueOf(sim.faults().injected() - injectedBefore), String.valueOf(resentUnderNewId), String.valueOf(dead),
                String.valueOf(notStoredOnce));
        if (notStoredOnce > 0 || dead > 0) {
            throw new IllegalStateException(notStoredOnce + " prescriptions not stored exactly once, " + dead + " outbox rows not DONE");
        }
        report.result("eps_resent_new_request_id", resentUnderNewId);
        return sim.counters().duplicatesStored();
    }

    /** The disk's durable-write latency in the same run: a journal commit forces the payload segment and Derby's log. */
    private static double[] fsyncMillis(Path file, int n) throws IOException {
        long[] lat = new long[n];
        ByteBuffer block = ByteBuffer.allocate(4096);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                block.clear();
                ch.write(block);
                ch.force(true);
                lat[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(lat);
        return new double[] {lat[n / 2] / 1e6, lat[(int) Math.ceil(0.99 * n) - 1] / 1e6};
    }

    private static void requireStored(EpsSimulator sim, List<EpsWorkload.Item> items) {
        for (EpsWorkload.Item item : items) {
            if (sim.counters().storedTimes(item.prescriptionId()) != 1) {
                throw new IllegalStateException(item.prescriptionId() + " stored " + sim.counters().storedTimes(item.prescriptionId()) + " times");
            }
        }
    }

    private static void awaitStored(EpsSimulator sim, int target) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (sim.counters().storedPrescriptions() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the simulator holds " + sim.counters().storedPrescriptions() + " of " + target
                        + " prescriptions after " + DRAIN);
            }
            Thread.sleep(2);
        }
    }

    private static void awaitDrained(RoutedEps eps) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (eps.open() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(eps.open() + " EPS outbox rows still open after " + DRAIN + ": "
                        + eps.outbox().stream().map(OutboxEntry::state).distinct().toList());
            }
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(EpsWorkload.Item item) throws Exception;
    }

    /** {@value #SENDERS} closed-loop senders working through {@code items}. */
    private static void parallel(List<EpsWorkload.Item> items, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<Object>> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                senders.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                        step.run(items.get(i));
                    }
                    return null;
                }));
            }
            for (Future<Object> f : senders) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
