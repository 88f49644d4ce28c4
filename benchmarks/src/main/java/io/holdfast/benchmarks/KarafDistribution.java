package io.holdfast.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Karaf distribution unpacked fresh into its own directory, on free ports (SSH, HTTP, JMX RMI)
 * so it cannot clash with a developer's sandbox, started with its own bin/start (so its shipped
 * bin/setenv applies), polled until a shell command succeeds through bin/client, and stopped.
 */
public final class KarafDistribution implements AutoCloseable {
    /** The admin bin/holdfast-init creates in a benchmarked Holdfast (loopback only, deleted with the run). */
    private static final String ADMIN_USER = "bench-admin";
    private static final String ADMIN_PASSWORD = "benchmark-only-admin-password";
    private final String label;
    private final Path home;
    private final int sshPort;
    private final Map<String, String> env;
    private Long pid;

    private KarafDistribution(String label, Path home, int sshPort, Map<String, String> env) {
        this.label = label;
        this.home = home;
        this.sshPort = sshPort;
        this.env = env;
    }

    /** Unpacks {@code tarball} under {@code workDir} and moves every port to a free one. */
    public static KarafDistribution unpack(String label, Path tarball, Path workDir, Map<String, String> env) throws IOException,
            InterruptedException {
        Files.createDirectories(workDir);
        exec(workDir, List.of("tar", "xzf", tarball.toAbsolutePath().toString()), Map.of(), 120);
        Path home;
        try (Stream<Path> s = Files.list(workDir)) {
            home = s.filter(p -> Files.isDirectory(p.resolve("bin"))).findFirst()
                    .orElseThrow(() -> new IOException(tarball + " has no top-level directory with bin/"));
        }
        int[] ports = freePorts(4);
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(ports[0]));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(ports[1]));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(ports[2]));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(ports[3]));
        if (Files.exists(home.resolve("bin/holdfast-init"))) {
            holdfastInit(home, env);
        } else {
            enableKarafUser(home.resolve("etc/users.properties"));
        }
        return new KarafDistribution(label, home, ports[0], env);
    }

    /**
     * A Holdfast tarball ships no user, no master key file and no database: bin/holdfast-init creates them as an
     * operator would (the admin password on stdin), which also opens the remote shell bin/client needs.
     */
    private static void holdfastInit(Path home, Map<String, String> env) throws IOException, InterruptedException {
        Path password = Files.createTempFile(home, "admin", ".txt");
        Files.writeString(password, ADMIN_PASSWORD + "\n");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/holdfast-init").toString(), "--admin", ADMIN_USER,
                "--password-stdin").directory(home.toFile()).redirectInput(password.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("bin/holdfast-init failed in " + home + ": " + out);
        }
        Files.delete(password);
    }

    /** Stock Karaf 4.3+ ships its karaf user commented out; bin/client needs one (stock Karaf, for comparison only). */
    private static void enableKarafUser(Path users) throws IOException {
        List<String> lines = Files.exists(users) ? Files.readAllLines(users) : new ArrayList<>();
        if (lines.stream().noneMatch(l -> l.startsWith("karaf ") || l.startsWith("karaf="))) {
            lines.add("karaf = karaf,_g_:admingroup");
            lines.add("_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");
            Files.write(users, lines);
        }
    }

    static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
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
        Files.write(cfg, lines);
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private boolean holdfast() {
        return Files.exists(home.resolve("bin/holdfast-init"));
    }

    private String user() {
        return holdfast() ? ADMIN_USER : "karaf";
    }

    private String password() {
        return holdfast() ? ADMIN_PASSWORD : "karaf";
    }

    public Path home() {
        return home;
    }

    /** Starts it in the background (bin/start under setsid, as KARAF-BUILD-NOTES §12). */
    public void start() throws IOException {
        List<String> cmd = List.of("setsid", home.resolve("bin/start").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        pb.environment().putAll(env);
        // Karaf's console output (errors raised while pax-logging is being refreshed land only there).
        pb.environment().put("KARAF_REDIRECT", home.resolve("karaf.out").toString());
        pb.start();
    }

    /**
     * Blocks until {@code command} succeeds through bin/client: the SSH port is polled first
     * (cheap), then the command, because every bin/client try is a JVM competing for the CPU.
     */
    public void awaitReady(String command, long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String last = "";
        while (System.nanoTime() < deadline) {
            if (portOpen()) {
                Result r = client(command, 60);
                if (r.exitCode() == 0) {
                    return;
                }
                last = r.output();
                Thread.sleep(250);
            } else {
                Thread.sleep(100);
            }
            failedBoot().ifPresent(why -> {
                throw new IllegalStateException(label + " cannot become ready: " + why + "; see " + home.resolve("data/log/karaf.log"));
            });
        }
        throw new IllegalStateException(label + " not ready after " + timeoutSeconds + " s; last bin/client output:\n" + last
                + "\nsee " + home.resolve("data/log/karaf.log"));
    }

    /** A boot that cannot succeed any more: the JVM exited, or the boot features failed to install. */
    private Optional<String> failedBoot() throws IOException {
        Optional<Long> p = pid();
        if (p.isPresent() && ProcessHandle.of(p.get()).map(h -> !h.isAlive()).orElse(true)) {
            return Optional.of("the Karaf JVM (pid " + p.get() + ") exited");
        }
        for (Path log : List.of(home.resolve("data/log/karaf.log"), home.resolve("karaf.out"))) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains("Error installing boot features")) {
                return Optional.of("\"Error installing boot features\" in " + home.relativize(log));
            }
        }
        return Optional.empty();
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", sshPort), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs shell commands in batch mode (commands on stdin; see KARAF-BUILD-NOTES §12 for why). */
    public Result client(String commands, long timeoutSeconds) throws IOException, InterruptedException {
        Path in = Files.createTempFile(home, "client", ".txt");
        Path out = Files.createTempFile(home, "client", ".out");
        Files.writeString(in, commands + "\n");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort), "-h", "127.0.0.1",
                "-u", user(), "-p", password(), "-r", "1", "-d", "1", "-b")
                .directory(home.toFile()).redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        int rc = -1;
        if (p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            rc = p.exitValue();
        } else {
            p.destroyForcibly().waitFor();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(in);
        Files.deleteIfExists(out);
        return new Result(rc, text);
    }

    public record Result(int exitCode, String output) {
    }

    /** The Karaf JVM's pid from karaf.pid (written by Karaf's Main itself). */
    public Optional<Long> pid() throws IOException {
        if (pid == null) {
            Path f = home.resolve("karaf.pid");
            if (Files.exists(f)) {
                String t = Files.readString(f).trim();
                if (!t.isEmpty()) {
                    pid = Long.parseLong(t);
                }
            }
        }
        return Optional.ofNullable(pid);
    }

    /** Resident set size of the Karaf JVM, from /proc/PID/status VmRSS, in MiB. */
    public double rssMb() throws IOException {
        long p = pid().orElseThrow(() -> new IllegalStateException(label + ": no karaf.pid"));
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + p);
    }

    /** bin/stop, wait for the JVM to exit, kill -9 as a last resort. Safe to call twice. */
    @Override
    public void close() throws IOException, InterruptedException {
        Optional<Long> p = pid();
        if (p.isEmpty()) {
            // Started but the pid file not yet written: give it a moment, it may still appear.
            Thread.sleep(2000);
            p = pid();
        }
        if (p.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(p.get());
        if (h.isEmpty() || !h.get().isAlive()) {
            return;
        }
        try {
            exec(home, List.of(home.resolve("bin/stop").toString()), env, 60);
        } catch (IOException | RuntimeException e) {
            System.err.println(label + ": bin/stop failed (" + e.getMessage() + "), killing " + p.get());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (h.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (h.get().isAlive()) {
            System.err.println(label + ": still running 60 s after bin/stop, kill -9 " + p.get());
            h.get().destroyForcibly();
            try {
                h.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException(label + ": pid " + p.get() + " survived kill -9", e);
            }
        }
    }

    private static void exec(Path dir, List<String> cmd, Map<String, String> env, long timeoutSeconds) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }
}
