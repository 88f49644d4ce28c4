package io.holdfast.benchmarks.fhir;

import io.holdfast.benchmarks.KarafDistribution;
import io.holdfast.benchmarks.Report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * fhir_install_s (issue 14): {@code feature:install holdfast-lib-fhir} (HAPI FHIR 8.12 and its dependencies) into a
 * freshly booted Holdfast distribution, measured through bin/client. Baseline, same instance and run: the
 * bin/client round trip of a command that changes nothing ({@code feature:list -i}, median of 3), which is
 * subtracted; and {@code feature:install holdfast-lib-hl7v2} (one embedded-HAPI bundle) for scale. The
 * bundle count before and after shows nothing else was added. Each install on its own fresh unpack
 * (a first install: nothing cached in data/).
 * Args: workRoot holdfastTarGz.
 */
public final class FhirInstallBenchmark {
    private FhirInstallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path tarball = Path.of(args[1]);
        Install fhir = install(root, tarball, "fhir", "holdfast-lib-fhir");
        Install hl7 = install(root, tarball, "hl7v2", "holdfast-lib-hl7v2");
        double fhirNet = fhir.seconds() - fhir.clientSeconds();
        double hl7Net = hl7.seconds() - hl7.clientSeconds();
        Report report = new Report("fhir: feature:install on a fresh Holdfast, bin/client round trip subtracted");
        report.row("feature", "install via bin/client (s)", "client round trip (s)", "net (s)", "bundles added");
        report.row("holdfast-lib-hl7v2 (baseline)", Report.format(hl7.seconds()), Report.format(hl7.clientSeconds()),
                Report.format(hl7Net), String.valueOf(hl7.bundlesAdded()));
        report.row("holdfast-lib-fhir", Report.format(fhir.seconds()), Report.format(fhir.clientSeconds()),
                Report.format(fhirNet), String.valueOf(fhir.bundlesAdded()));
        report.row("ratio fhir / hl7v2", "", "", Report.format(fhirNet / hl7Net), "");
        report.result("fhir_install_s", fhirNet);
        report.print();
    }

    private record Install(double seconds, double clientSeconds, int bundlesAdded) {
    }

    private static Install install(Path root, Path tarball, String label, String feature) throws Exception {
        Path dir = Files.createDirectories(root.resolve(label));
        try (KarafDistribution karaf = KarafDistribution.unpack(label, tarball, dir, Map.of())) {
            karaf.start();
            karaf.awaitReady("holdfast:status", 240);
            double[] noop = new double[3];
            for (int i = 0; i < noop.length; i++) {
                noop[i] = timed(karaf, "feature:list -i");
            }
            Arrays.sort(noop);
            int before = bundleCount(karaf);
            double seconds = timed(karaf, "feature:install " + feature);
            int after = bundleCount(karaf);
            System.out.printf("-- %s: feature:install %s in %.2f s (client round trip %.2f s), %d bundles added%n",
                    label, feature, seconds, noop[1], after - before);
            return new Install(seconds, noop[1], after - before);
        }
    }

    private static double timed(KarafDistribution karaf, String command) throws Exception {
        long t0 = System.nanoTime();
        KarafDistribution.Result r = karaf.client(command, 300);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.exitCode() != 0 || r.output().contains("Error executing command")) {
            throw new IllegalStateException("'" + command + "' failed (" + r.exitCode() + "):\n" + r.output());
        }
        return seconds;
    }

    private static int bundleCount(KarafDistribution karaf) throws Exception {
        KarafDistribution.Result r = karaf.client("bundle:list -t 0 --no-format", 60);
        return (int) r.output().lines().filter(l -> l.matches("\\s*\\d+[\\s|\u2502].*")).count();
    }
}
