package io.holdfast.testkit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** File work on an unpacked distribution: Karaf {@code .cfg} files, unpacking, deleting. */
public final class DistributionFiles {
    private DistributionFiles() {
    }

    /** key = value in a Karaf .cfg file (replaced if present, else appended). */
    public static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.ISO_8859_1)) : new ArrayList<>();
        boolean set = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.startsWith(key + " ") || l.startsWith(key + "=")) {
                lines.set(i, key + " = " + value);
                set = true;
            }
        }
        if (!set) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines, StandardCharsets.ISO_8859_1);
    }

    /** Writes a whole .cfg file (e.g. a factory configuration picked up by fileinstall). */
    public static void writeConfig(Path cfg, Map<String, String> properties) throws IOException {
        StringBuilder b = new StringBuilder();
        properties.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(cfg, b.toString(), StandardCharsets.ISO_8859_1);
    }

    /** Deletes a directory tree; nothing if it is not there. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs a command in {@code dir}; fails with its output if it fails or outlasts {@code timeout}. */
    static void run(Path dir, List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }
}
