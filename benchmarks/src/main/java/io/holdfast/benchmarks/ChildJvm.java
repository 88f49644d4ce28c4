package io.holdfast.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one side of a comparison in its own JVM with the same flags as the other side, so neither
 * inherits the other's JIT state, heap or open database. The child reports figures as
 * {@code MEASURED key=value} lines; everything else it prints is passed through.
 */
public final class ChildJvm {
    /** Identical for baseline and Holdfast. */
    public static final List<String> FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");
    public static final String MEASURED = "MEASURED ";

    private ChildJvm() {
    }

    /** Emits a figure from inside the child. */
    public static void measured(String key, double value) {
        System.out.println(MEASURED + key + "=" + value);
        System.out.flush();
    }

    public static Map<String, Double> run(Class<?> main, Path workDir, String label, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(FLAGS);
        cmd.add("-Dderby.stream.error.file=" + workDir.resolve("derby.log"));
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        // The kernel warns once that it generated a keystore; expected here, every run starts empty.
        cmd.add("-Dorg.slf4j.simpleLogger.log.io.holdfast.keys=error");
        String jfr = System.getenv("BENCH_JFR_DIR");
        if (jfr != null && !jfr.isBlank()) {
            cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(jfr, label + ".jfr"));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.add(workDir.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, Double> figures = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(MEASURED)) {
                    String[] kv = line.substring(MEASURED.length()).split("=", 2);
                    figures.put(kv[0], Double.parseDouble(kv[1]));
                } else {
                    System.out.println("  [" + label + "] " + line);
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException(label + " exited with " + rc);
        }
        return figures;
    }
}
