package io.holdfast.benchmarks.pds;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.benchmarks.Report;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.internal.PdsClient;
import io.holdfast.pds.internal.PdsClients;
import io.holdfast.pds.internal.codec.LibFhirPatientMapping;
import io.holdfast.pds.internal.config.PdsSettings;
import io.holdfast.pds.internal.transport.AuthProviders;
import io.holdfast.pds.internal.transport.TokenBucket;
import io.holdfast.simulator.pds.PdsSimulator;
import io.holdfast.testkit.TestKernel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code benchmarks/run pds}, all in one JVM against one in-process PDS simulator (no rate limit for the latency
 * parts): raw JDK HttpClient GET p99 of the same patient, one 4 KiB write + fsync p99 on the kernel's disk, and the
 * connector's retrieve p99 (rate slot, GET, FHIR mapping, journaled through Intake on the real kernel with the shipped
 * journal settings before it returns), paced below the configured rate so the bucket never waits;
 * {@code pds_overhead_ratio} = retrieve p99 / (raw GET p99 + fsync p99). Then cache hits, and finally the simulator at
 * PDS's 5 requests/s against 4 threads held by the connector at exactly 5/s: {@code pds_429_count}.
 */
public final class PdsBenchmark {
    private static final String NHS = "9000000009";

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/pds-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Files.createDirectories(work);
        Report report = new Report("PDS retrieve: raw HTTP GET + fsync vs the connector (journaled), cache hits, 429s at 5/s");
        report.row("figure", "p50 ms", "p99 ms");
        double raw;
        double fsync;
        double retrieve;
        double hit;
        try (PdsSimulator sim = PdsSimulator.builder().rateLimitPerSecond(0).start()) {
            double[] r = rawGet(sim.fhirBaseUrl(), n);
            raw = r[1];
            report.row("raw HttpClient GET", Report.format(r[0]), Report.format(r[1]));
            double[] f = fsync(work.resolve("fsync.bin"), n);
            fsync = f[1];
            report.row("4 KiB write + fsync", Report.format(f[0]), Report.format(f[1]));
            try (TestKernel kernel = kernel(work.resolve("kernel"), sim.fhirBaseUrl())) {
                PdsClient client = client(kernel, PdsSettings.defaults("pds").withTps(100));
                double[] c = connector(client, n, Duration.ofMillis(12));
                retrieve = c[1];
                report.row("connector retrieve (journaled)", Report.format(c[0]), Report.format(c[1]));
                PdsClient cached = client(kernel, PdsSettings.defaults("pds").withTps(100).withCache(Duration.ofHours(1), 100));
                cached.retrieve(NhsNumber.parse(NHS));
                double[] h = connector(cached, n * 10, Duration.ZERO);
                hit = h[1];
                report.row("connector retrieve (cache hit)", Report.format(h[0]), Report.format(h[1]));
            }
        }
        long throttled = held(work.resolve("held"));
        report.result("pds_overhead_ratio", retrieve / (raw + fsync));
        report.result("pds_cache_hit_p99_ms", hit);
        report.result("pds_429_count", throttled);
        report.print();
    }

    private static TestKernel kernel(Path dir, String endpoint) {
        return TestKernel.builder(dir).journalOnly().shippedJournalSettings().system(new DownstreamSystem("pds", "PDS", Optional.empty(),
                "test", "HTTP", WireFormat.fhirR4(), endpoint, AuthPattern.NONE, Optional.empty(), Optional.empty())).start();
    }

    private static PdsClient client(TestKernel kernel, PdsSettings settings) {
        AuthProviders auth = new AuthProviders();
        auth.add(kernel.authProvider(AuthPattern.NONE).orElseThrow(), Map.of());
        return PdsClients.create(new PdsClients.Parts(settings, kernel.inventory(), kernel.intake(), auth,
                new LibFhirPatientMapping(), new TokenBucket(settings.tps()), Clock.systemUTC()));
    }

    private static double[] rawGet(String base, int n) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] lat = new long[n];
        for (int i = -n / 2; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/Patient/" + NHS))
                    .header("Accept", "application/fhir+json").header("X-Request-ID", UUID.randomUUID().toString()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("raw GET answered " + r.statusCode());
            }
            if (i >= 0) {
                lat[i] = System.nanoTime() - t;
            }
        }
        return percentiles(lat);
    }

    private static double[] fsync(Path file, int n) throws Exception {
        long[] lat = new long[n];
        ByteBuffer block = ByteBuffer.allocate(4096);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (int i = -n / 10; i < n; i++) {
                long t = System.nanoTime();
                block.clear();
                ch.write(block);
                ch.force(true);
                if (i >= 0) {
                    lat[i] = System.nanoTime() - t;
                }
            }
        }
        return percentiles(lat);
    }

    /** Sequential retrieves, each started no sooner than {@code pace} after the previous one started. */
    private static double[] connector(PdsClient client, int n, Duration pace) throws Exception {
        long[] lat = new long[n];
        NhsNumber nhs = NhsNumber.parse(NHS);
        long next = System.nanoTime();
        for (int i = -n / 2; i < n; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next = System.nanoTime() + pace.toNanos();
            long t = System.nanoTime();
            RetrieveResult r = client.retrieve(nhs);
            if (!(r instanceof RetrieveResult.Found)) {
                throw new IllegalStateException("retrieve gave " + r);
            }
            if (i >= 0) {
                lat[i] = System.nanoTime() - t;
            }
        }
        return percentiles(lat);
    }

    /** 4 threads x 10 retrieves through one connector held at 5/s against the simulator's 5/s: its 429 count. */
    private static long held(Path dir) throws Exception {
        try (PdsSimulator sim = PdsSimulator.builder().rateLimitPerSecond(5).start();
             TestKernel kernel = kernel(dir, sim.fhirBaseUrl())) {
            PdsClient client = client(kernel, PdsSettings.defaults("pds").withRetries(1, Duration.ofSeconds(1)));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<RetrieveResult>> all = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    all.add(pool.submit(() -> client.retrieve(NhsNumber.parse(NHS))));
                }
                for (Future<RetrieveResult> f : all) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            return sim.throttled();
        }
    }

    private static double[] percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new double[] {s[(int) Math.ceil(0.5 * s.length) - 1] / 1e6, s[(int) Math.ceil(0.99 * s.length) - 1] / 1e6};
    }
}
