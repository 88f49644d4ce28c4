package io.holdfast.itest;

import io.holdfast.testkit.fixture.LoopbackPorts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The MESH simulator ({@code io.holdfast.simulator.mesh.MeshSimulator}'s {@code main}) as a child JVM on a
 * loopback port: the NHS side is another system, so it runs outside the container and keeps running, untouched,
 * while the test uninstalls and reinstalls the connector. Its output goes to {@code data/log/mesh-simulator.log} of the container.
 */
final class MeshSimulatorProcess implements AutoCloseable {
    static final String CLASSPATH_PROPERTY = "holdfast.mesh.simulator.classpath";
    private static final String MAIN = "io.holdfast.simulator.mesh.MeshSimulator";
    private static final long START_MILLIS = 60_000;

    private final Process process;
    private final int port;

    private MeshSimulatorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with the given shared key and mailboxes ({@code MAILBOX:password}) and waits for its port. */
    static MeshSimulatorProcess start(int port, String sharedKey, String... mailboxes) throws IOException, InterruptedException {
        String classpath = System.getProperty(CLASSPATH_PROPERTY);
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("System property " + CLASSPATH_PROPERTY + " is not set; run the itests through Maven");
        }
        Path data = Path.of(System.getProperty("karaf.data"));
        Path tmp = Files.createDirectories(data.resolve("mesh-simulator-it"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Djava.io.tmpdir=" + tmp, "-cp", classpath, MAIN, Integer.toString(port), sharedKey));
        command.addAll(List.of(mailboxes));
        File log = data.resolve("log").resolve("mesh-simulator.log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        MeshSimulatorProcess simulator = new MeshSimulatorProcess(process, port);
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (!LoopbackPorts.listening(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                simulator.close();
                throw new AssertionError("the MESH simulator did not come up on port " + port + " (exit "
                        + (process.isAlive() ? "-, still running" : process.exitValue()) + "); see " + log);
            }
            Thread.sleep(100);
        }
        return simulator;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
    }
}
