package io.holdfast.benchmarks.kernel;

import io.holdfast.benchmarks.ChildJvm;
import io.holdfast.benchmarks.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * kernel_commit_ratio_t1/_t4: Holdfast Intake events/s ÷ plain-JDBC events/s at 1 and 4 closed-loop
 * senders. Each side runs in a fresh JVM with the same flags on a fresh Derby database (on disk,
 * in the work directory), baseline first, back to back.
 * Args: workRoot [warmupEvents=2000] [windowSeconds=10].
 */
public final class KernelCommitBenchmark {
    private KernelCommitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String warmup = args.length > 1 ? args[1] : "2000";
        String seconds = args.length > 2 ? args[2] : "10";
        Report report = new Report("kernel: Intake commit throughput vs plain JDBC (Derby 10.14.2.0 on disk, closed loop, "
                + "warm-up " + warmup + " events, window " + seconds + " s, JVM " + String.join(" ", ChildJvm.FLAGS) + ")");
        report.row("threads", "baseline ev/s", "holdfast ev/s", "ratio", "base p50/p99 ms", "hf p50/p99 ms", "hf commits/msg");
        for (int threads : new int[] {1, 4}) {
            Map<String, Double> base = side(PlainJdbcBaseline.class, root, "baseline-t" + threads, threads, warmup, seconds);
            Map<String, Double> hf = side(IntakeThroughputBenchmark.class, root, "holdfast-t" + threads, threads, warmup, seconds);
            double ratio = hf.get("events_per_s") / base.get("events_per_s");
            report.row("t" + threads, Report.format(base.get("events_per_s")), Report.format(hf.get("events_per_s")), Report.format(ratio),
                    Report.format(base.get("p50_ms")) + " / " + Report.format(base.get("p99_ms")),
                    Report.format(hf.get("p50_ms")) + " / " + Report.format(hf.get("p99_ms")), Report.format(hf.get("commits_per_msg")));
            report.result("kernel_commit_ratio_t" + threads, ratio);
        }
        report.row("targets", "", "", ">= 0.7 (t1), >= 1.0 (t4)", "", "", "");
        report.print();
    }

    private static Map<String, Double> side(Class<?> main, Path root, String label, int threads, String warmup, String seconds)
            throws Exception {
        Path dir = Files.createDirectories(root.resolve(label));
        System.out.println("-- " + label + " ...");
        Map<String, Double> m = ChildJvm.run(main, dir, label, String.valueOf(threads), warmup, seconds);
        System.out.printf("   %s: %.1f events/s (%d events), p50 %.2f ms, p99 %.2f ms%n", label, m.get("events_per_s"),
                m.get("events").longValue(), m.get("p50_ms"), m.get("p99_ms"));
        return m;
    }
}
