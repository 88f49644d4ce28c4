package io.holdfast.itest.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import io.holdfast.testkit.fixture.LoopbackPorts;
import io.holdfast.testkit.process.DistributionTestSupport;
import io.holdfast.testkit.process.HoldfastProcess;
import io.holdfast.testkit.process.KarafSsh;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Issue 13 point 7: the README's guided sandbox tour, run as written. The steps are read from README.md
 * (each {@code <!-- tour:step N [within=S] -->} marker, then a {@code shell} block with the commands and a
 * {@code text} block with the output lines the README shows), so the tour and this test cannot drift apart.
 * They run in order against a fresh copy of the distribution in sandbox mode with {@code holdfast-sandbox}
 * installed, as {@code ./holdfast start} sets it up. Every shown line must equal a line of the output, with
 * {@code …} matching any text and runs of blanks compared as one (tables are padded). A step marked
 * {@code within=S} (a poll, a delivery) is retried for up to S seconds.
 *
 * <p>{@code ./holdfast client ARGS} lines run ARGS in the distribution's shell after the same bash expansion
 * the script sees ({@code $PWD} is the repository root), other lines run in bash in the repository root
 * (curl, openssl). The sandbox's simulators and listener use the fixed sandbox ports the tour names, so no
 * other sandbox may run meanwhile; SSH and HTTP are on free ports.
 */
public class SandboxTourDistIT extends DistributionTestSupport {
    /** The fixed sandbox ports of holdfast-sandbox's configuration (DESIGN.md), used by the tour's commands. */
    private static final int[] SANDBOX_PORTS = {2575, 2576, 2577, 2578, 8700, 8710, 8720, 8740, 8750};
    private static final String CLIENT = "./holdfast client ";
    private static final Pattern STEP = Pattern.compile(
            "<!-- tour:step (\\d+)(?: within=(\\d+))? -->.*?```shell\\n(.*?)```\\s*```text\\n(.*?)```", Pattern.DOTALL);
    private static Path repository;
    private static List<TourStep> steps;

    /** One step of the tour as the README writes it. */
    record TourStep(int number, Duration within, List<String> commands, List<String> shownLines) {
    }

    @BeforeClass
    public static void startSandbox() throws Exception {
        setUpDistribution(() -> {
            repository = repositoryRoot();
            steps = readTour(Files.readString(repository.resolve("README.md"), StandardCharsets.UTF_8));
            for (int port : SANDBOX_PORTS) {
                if (LoopbackPorts.listening(port)) {
                    fail("port " + port + " on 127.0.0.1 is in use: the tour needs the sandbox ports; stop the other sandbox"
                            + " (./holdfast stop) and run again");
                }
            }
            holdfast = HoldfastProcess.unpack("sandbox-tour");
            // what ./holdfast's configure_sandbox sets in its runtime copy
            holdfast.setProperty("etc/custom.system.properties", "holdfast.mode", "sandbox");
            holdfast.setProperty("etc/custom.properties", "org.osgi.framework.system.capabilities.extra",
                    "holdfast.mode;holdfast.mode=sandbox");
            holdfast.start();
            holdfast.installFeatures("holdfast-sandbox");
        });
    }

    @Test
    public void theReadmeTourRunsAsWritten() throws Exception {
        assertFalse("README.md has no <!-- tour:step N --> blocks", steps.isEmpty());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals("tour steps are numbered 1, 2, 3, ... in README.md", i + 1, steps.get(i).number());
        }
        for (TourStep step : steps) {
            runUntilShown(step);
        }
    }

    private static void runUntilShown(TourStep step) throws Exception {
        long deadline = System.nanoTime() + step.within().toNanos();
        while (true) {
            String output = run(step);
            List<String> missing = missingLines(step.shownLines(), output);
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                fail("tour step " + step.number() + " (" + String.join(" && ", step.commands()) + "): the README shows\n  "
                        + String.join("\n  ", missing) + "\nbut the output was:\n" + output + "\n" + holdfast.logs());
            }
            TimeUnit.SECONDS.sleep(2);
        }
    }

    private static String run(TourStep step) throws IOException, InterruptedException {
        StringBuilder output = new StringBuilder();
        for (String command : step.commands()) {
            if (command.startsWith(CLIENT)) {
                String line = bash("set -- " + command.substring(CLIENT.length()) + "; printf '%s' \"$*\"");
                KarafSsh.Result r = holdfast.shellResult(line, Duration.ofMinutes(2));
                if (!r.ok()) {
                    fail("tour step " + step.number() + ": '" + line + "' failed: " + r + " " + holdfast.logs());
                }
                output.append(r.output()).append('\n');
            } else {
                output.append(bash(command)).append('\n');
            }
        }
        return output.toString();
    }

    /** Runs a command line in bash in the repository root; its stdout, or a failed test with what it printed. */
    private static String bash(String commandLine) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", commandLine).directory(repository.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("'" + commandLine + "' failed: " + err + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The shown lines no output line matches ({@code …} = any text, blanks compared as one). */
    static List<String> missingLines(List<String> shown, String output) {
        List<String> actual = output.lines().map(SandboxTourDistIT::blanksAsOne).toList();
        List<String> missing = new ArrayList<>();
        for (String line : shown) {
            Pattern p = Pattern.compile(Arrays.stream(blanksAsOne(line).split("…", -1)).map(Pattern::quote)
                    .collect(Collectors.joining(".*")));
            if (actual.stream().noneMatch(a -> p.matcher(a).matches())) {
                missing.add(line);
            }
        }
        return missing;
    }

    private static String blanksAsOne(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    static List<TourStep> readTour(String readme) {
        List<TourStep> result = new ArrayList<>();
        Matcher m = STEP.matcher(readme);
        while (m.find()) {
            Duration within = Duration.ofSeconds(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
            List<String> commands = m.group(3).replace("\\\n", " ").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            List<String> shown = m.group(4).lines().filter(l -> !l.isBlank()).toList();
            result.add(new TourStep(Integer.parseInt(m.group(1)), within, commands, shown));
        }
        return result;
    }

    /** The checkout: the first folder up from the working directory (itests/) with README.md and ./holdfast. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isRegularFile(p.resolve("holdfast"))) {
                return p;
            }
        }
        throw new IllegalStateException("no README.md with ./holdfast above " + Path.of("").toAbsolutePath());
    }
}
