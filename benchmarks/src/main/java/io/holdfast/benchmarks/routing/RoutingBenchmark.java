package io.holdfast.benchmarks.routing;

import io.holdfast.benchmarks.ChildJvm;
import io.holdfast.benchmarks.Report;
import io.holdfast.benchmarks.kernel.PlainJdbcBaseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * routing_ratio: accepted→delivered events/s through Intake, the outbox and the dispatcher to a
 * no-op transport ÷ the kernel baseline (plain JDBC writing an admission's rows, one transaction
 * per event) at 4 closed-loop senders, same run, separate JVMs, back to back.
 * routing_lag_p99_ms: open loop at half of the measured Holdfast rate (after a 15 s warm-up at that
 * rate), scheduled send → delivered.
 * Args: workRoot [warmupEvents=2000] [windowSeconds=10].
 */
public final class RoutingBenchmark {
    static final int SENDERS = 4;
    static final String LAG_WARMUP_S = "15";

    private RoutingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String warmup = args.length > 1 ? args[1] : "2000";
        String seconds = args.length > 2 ? args[2] : "10";
        Report report = new Report("routing: accepted→delivered through the outbox to a no-op transport vs the kernel baseline "
                + "(Derby 10.14.2.0 on disk, " + SENDERS + " closed-loop senders, ordered route, warm-up " + warmup + " events, window "
                + seconds + " s, JVM " + String.join(" ", ChildJvm.FLAGS) + ")");
        Map<String, Double> base = side(PlainJdbcBaseline.class, root, "baseline-t" + SENDERS, String.valueOf(SENDERS), warmup, seconds);
        Map<String, Double> hf = side(RoutingThroughputBenchmark.class, root, "routing-t" + SENDERS, String.valueOf(SENDERS), warmup,
                seconds);
        double ratio = hf.get("events_per_s") / base.get("events_per_s");
        double half = Math.max(1, hf.get("events_per_s") / 2);
        // A long warm-up at the paced rate: JIT, Derby's caches and the first payload segments settle, so
        // the window measures steady-state lag, not the start-up backlog draining.
        Map<String, Double> lag = side(RoutingLagBenchmark.class, root, "routing-lag", String.valueOf(half), LAG_WARMUP_S, seconds);
        report.row("figure", "baseline", "holdfast", "ratio / target");
        report.row("events/s (t" + SENDERS + ")", Report.format(base.get("events_per_s")), Report.format(hf.get("events_per_s")),
                Report.format(ratio) + " (>= 0.5)");
        report.row("accepted/s while delivering", "", Report.format(hf.get("accepted_per_s")), "");
        report.row("outbox backlog at end", "", Report.format(hf.get("backlog_at_end")), "");
        report.row("lag p50 / p99 ms at " + Report.format(half) + " ev/s", "", Report.format(lag.get("lag_p50_ms")) + " / "
                + Report.format(lag.get("lag_p99_ms")), "(p99 <= 50)");
        report.row("undelivered after 30 s drain", "", Report.format(lag.get("undelivered")), "");
        report.result("routing_ratio", ratio);
        report.result("routing_lag_p99_ms", lag.get("lag_p99_ms"));
        report.print();
    }

    private static Map<String, Double> side(Class<?> main, Path root, String label, String... args) throws Exception {
        Path dir = Files.createDirectories(root.resolve(label));
        System.out.println("-- " + label + " ...");
        Map<String, Double> m = ChildJvm.run(main, dir, label, args);
        System.out.println("   " + label + ": " + m);
        return m;
    }
}
