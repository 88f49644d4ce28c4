package io.holdfast.benchmarks.kernel;

import io.holdfast.benchmarks.KarafDistribution;
import io.holdfast.benchmarks.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * kernel_ready_s / kernel_ready_ratio: start (bin/start) to ready (a shell command succeeds
 * through bin/client: {@code holdfast:status} for Holdfast, {@code bundle:list} for stock Karaf
 * 4.4.10), each run on a freshly unpacked distribution (so a first boot, empty data/), runs
 * alternating stock/Holdfast, median of each. kernel_idle_rss_mb: VmRSS of the last Holdfast run
 * (shipped bin/setenv flags) after ready + an idle period.
 * Args: workRoot holdfastTarGz stockTarGz [runs=3] [idleSeconds=30].
 */
public final class KarafReadyBenchmark {
    private static final List<KarafDistribution> RUNNING = new CopyOnWriteArrayList<>();

    private KarafReadyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path holdfast = Path.of(args[1]);
        Path stock = Path.of(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int idleSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Runtime.getRuntime().addShutdownHook(new Thread(KarafReadyBenchmark::stopAll, "stop-karafs"));

        double[] stockS = new double[runs];
        double[] holdfastS = new double[runs];
        double stockRss = Double.NaN;
        double holdfastRss = Double.NaN;
        for (int i = 0; i < runs; i++) {
            boolean last = i == runs - 1;
            Measured s = measure("stock-" + (i + 1), stock, root, Map.of(), "bundle:list", last ? idleSeconds : 0);
            stockS[i] = s.readySeconds();
            stockRss = last ? s.rssMb() : stockRss;
            Measured h = measure("holdfast-" + (i + 1), holdfast, root, Map.of(),
                    "holdfast:status", last ? idleSeconds : 0);
            holdfastS[i] = h.readySeconds();
            holdfastRss = last ? h.rssMb() : holdfastRss;
        }
        double stockMedian = median(stockS);
        double holdfastMedian = median(holdfastS);
        Report report = new Report("kernel: start to ready, fresh unpack each run, " + runs + " alternating runs (median)");
        report.row("distribution", "runs (s)", "median (s)", "RSS after ready + " + idleSeconds + " s idle (MiB)");
        report.row("stock Karaf 4.4.10 (bundle:list)", runsText(stockS), Report.format(stockMedian), Report.format(stockRss));
        report.row("Holdfast kernel (holdfast:status)", runsText(holdfastS), Report.format(holdfastMedian), Report.format(holdfastRss));
        report.row("ratio / targets", "", Report.format(holdfastMedian / stockMedian) + " (<= 1.5)", "<= 400 (Holdfast)");
        report.result("kernel_ready_s", holdfastMedian);
        report.result("kernel_ready_ratio", holdfastMedian / stockMedian);
        report.result("kernel_idle_rss_mb", holdfastRss);
        report.print();
    }

    private record Measured(double readySeconds, double rssMb) {
    }

    private static Measured measure(String label, Path tarball, Path root, Map<String, String> env, String readyCommand,
                                    int idleSeconds) throws Exception {
        Path dir = Files.createDirectories(root.resolve(label));
        KarafDistribution karaf = KarafDistribution.unpack(label, tarball, dir, env);
        RUNNING.add(karaf);
        try {
            long t0 = System.nanoTime();
            karaf.start();
            karaf.awaitReady(readyCommand, 240);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rss = Double.NaN;
            if (idleSeconds > 0) {
                Thread.sleep(idleSeconds * 1000L);
                rss = karaf.rssMb();
            }
            System.out.printf("-- %s: ready in %.2f s%s%n", label, seconds,
                    Double.isNaN(rss) ? "" : String.format(", RSS %.0f MiB after %d s idle", rss, idleSeconds));
            return new Measured(seconds, rss);
        } finally {
            karaf.close();
            RUNNING.remove(karaf);
        }
    }

    private static void stopAll() {
        for (KarafDistribution k : RUNNING) {
            try {
                k.close();
            } catch (Exception e) {
                System.err.println("could not stop " + k.home() + ": " + e);
            }
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String runsText(double[] v) {
        List<String> s = new ArrayList<>();
        for (double d : v) {
            s.add(String.format("%.1f", d));
        }
        return String.join(", ", s);
    }
}
