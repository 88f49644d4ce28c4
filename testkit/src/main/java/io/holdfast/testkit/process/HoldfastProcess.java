package io.holdfast.testkit.process;

import io.holdfast.testkit.fixture.LoopbackPorts;
import io.holdfast.testkit.karaf.HoldfastTarball;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The assembled distribution as a real process: unpacked into {@code target/dist/<name>/}, moved to free
 * ports, started with {@code bin/karaf server} (so the shipped {@code bin/setenv} applies), driven through
 * its SSH shell, killed with SIGKILL and restarted on the same directory.
 *
 * <p>{@code KARAF_EXEC=exec} makes {@code bin/karaf} exec the JVM, so the child process is the Karaf JVM
 * itself; {@link #kill9()} still kills the pid Karaf wrote into {@code karaf.pid}, the JVM whatever
 * launched it. {@link #close()} kills whatever is left (tests call it from {@code @After}/{@code @AfterClass}).
 */
public final class HoldfastProcess implements AutoCloseable {
    /** The admin user bin/holdfast-init creates in every test distribution (the tarball ships no user). */
    public static final String ADMIN_USER = "itest-admin";
    public static final String ADMIN_PASSWORD = "dist-itest-only-admin-password";
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    private static final String JAVA17_DEFAULT = "/usr/lib/jvm/java-17-openjdk-amd64";

    private final String name;
    private final Path home;
    private final int sshPort;
    private final Map<String, String> env = new HashMap<>();
    private final List<Long> startedPids = new ArrayList<>();
    private Process process;
    private KarafSsh ssh;
    private int starts;
    private String initOutput = "";

    private HoldfastProcess(String name, Path home, int sshPort) {
        this.name = name;
        this.home = home;
        this.sshPort = sshPort;
        env.put("JAVA_HOME", java17Home());
        env.put("KARAF_EXEC", "exec");
        // a test JVM that is itself stopped (failsafe timeout, Ctrl-C) must not leave Karaf JVMs behind
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "holdfast-dist-cleanup-" + name));
    }

    /** A fresh copy of the tarball in {@code target/dist/<name>/} (a leftover from an earlier run is deleted). */
    public static HoldfastProcess unpack(String name) throws IOException, InterruptedException {
        HoldfastProcess p = unpackUninitialised(name);
        p.init();
        return p;
    }

    /** A fresh copy as shipped, moved to free ports, without bin/holdfast-init (call {@link #initialise()}). */
    public static HoldfastProcess unpackUninitialised(String name) throws IOException, InterruptedException {
        Path tarball = HoldfastTarball.path();
        Path home = Path.of("target", "dist", name).toAbsolutePath();
        DistributionFiles.deleteTree(home);
        Files.createDirectories(home);
        DistributionFiles.run(home, List.of("tar", "-xzf", tarball.toString(), "--strip-components=1"), Duration.ofMinutes(2));
        int[] ports = LoopbackPorts.free(4);
        HoldfastProcess p = new HoldfastProcess(name, home, ports[0]);
        p.setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ports[0]));
        p.setProperty("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1");
        p.setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(ports[1]));
        p.setProperty("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        p.setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(ports[2]));
        p.setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(ports[3]));
        // everything is in the distribution's system/ folder: never wait on a remote repository
        p.setProperty("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", "");
        return p;
    }

    public void initialise() throws IOException, InterruptedException {
        init();
    }

    public int httpPort() throws IOException {
        for (String l : Files.readAllLines(home.resolve("etc/org.ops4j.pax.web.cfg"), StandardCharsets.ISO_8859_1)) {
            if (l.trim().startsWith("org.osgi.service.http.port")) {
                return Integer.parseInt(l.substring(l.indexOf('=') + 1).trim());
            }
        }
        throw new IllegalStateException("no HTTP port in etc/org.ops4j.pax.web.cfg");
    }

    /** Starts a never-initialised distribution and waits for the log line that says how to initialise. */
    public void startUninitialised() throws IOException, InterruptedException {
        launch();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + ": the Karaf JVM exited during start " + logs());
            }
            if (logsContain("bin/holdfast-init")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + ": no 'bin/holdfast-init' line within " + BOOT_TIMEOUT.toSeconds() + " s " + logs());
    }

    /**
     * bin/holdfast-init as an operator runs it: the admin user (password from stdin), the master key file
     * etc/holdfast-master.key (600) and the database; it also opens the remote shell and HTTP.
     */
    private void init() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/holdfast-init").toString(), "--admin", ADMIN_USER,
                "--password-stdin").directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", java17Home());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write((ADMIN_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("bin/holdfast-init failed: " + new String(out, StandardCharsets.UTF_8));
        }
        initOutput = new String(out, StandardCharsets.UTF_8);
    }

    /** What bin/holdfast-init printed. */
    public String initOutput() {
        return initOutput;
    }

    public int sshPort() {
        return sshPort;
    }

    /** Heap limit of the Karaf JVM, through {@code JAVA_MAX_MEM} which the distribution's bin/setenv turns into -Xmx. */
    public HoldfastProcess maxHeap(String size) {
        env.put("JAVA_MAX_MEM", size);
        return this;
    }

    public Path home() {
        return home;
    }

    public Path karafLog() {
        return home.resolve("data/log/karaf.log");
    }

    /** "see ..." for assertion messages: where the logs of this distribution are kept. */
    public String logs() {
        return "(logs: " + karafLog() + " and " + home.resolve("karaf.out") + ")";
    }

    /** key = value in a Karaf .cfg file under the distribution (replaced if present, else appended). */
    public void setProperty(String file, String key, String value) throws IOException {
        DistributionFiles.setProperty(home.resolve(file), key, value);
    }

    /** Writes {@code etc/<fileName>} (e.g. a factory configuration picked up by fileinstall). */
    public void writeConfig(String fileName, Map<String, String> properties) throws IOException {
        DistributionFiles.writeConfig(home.resolve("etc").resolve(fileName), properties);
    }

    /** Starts Karaf and waits until the kernel answers {@code holdfast:status}. */
    public void start() throws IOException, InterruptedException {
        launch();
        awaitReady();
    }

    private void launch() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        Files.deleteIfExists(home.resolve("karaf.pid"));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("karaf.out").toFile())).redirectErrorStream(true);
        // production mode: the key file bin/holdfast-init wrote, never a passphrase from the test's environment
        pb.environment().remove("HOLDFAST_MASTER_PASSPHRASE_FILE");
        pb.environment().remove("HOLDFAST_MASTER_PASSPHRASE");
        pb.environment().remove("HOLDFAST_MASTER_KEY_FILE");
        pb.environment().remove("EXTRA_JAVA_OPTS");
        pb.environment().putAll(env);
        process = pb.start();
        startedPids.add(process.pid());
        starts++;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        String last = "SSH port " + sshPort + " never opened";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + ": the Karaf JVM exited during start (exit " + process.exitValue() + ") " + logs());
            }
            if (LoopbackPorts.listening(sshPort)) {
                KarafSsh.Result r = shellResult("holdfast:status", Duration.ofSeconds(30));
                if (r.ok() && r.output().contains("intake") && r.output().contains("accepting")) {
                    karafPid().filter(p -> p != process.pid()).ifPresent(p -> startedPids.add(p));
                    return;
                }
                last = r.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + ": not ready within " + BOOT_TIMEOUT.toSeconds() + " s (start #" + starts
                + "); last holdfast:status: " + last + " " + logs());
    }

    /** Runs one shell command line as the admin user bin/holdfast-init created; fails the test if the command fails. */
    public String shell(String commandLine) {
        KarafSsh.Result r = shellResult(commandLine, Duration.ofMinutes(2));
        if (!r.ok()) {
            throw new AssertionError(name + ": shell command '" + commandLine + "' failed: " + r + " " + logs());
        }
        return r.output();
    }

    /** Runs one shell command line; the caller judges the result. */
    public KarafSsh.Result shellResult(String commandLine, Duration timeout) {
        if (ssh == null) {
            ssh = new KarafSsh(sshPort, ADMIN_USER, ADMIN_PASSWORD);
        }
        return ssh.exec(commandLine, timeout);
    }

    /** Installs features and waits for the install to finish (feature:install is synchronous over SSH). */
    public void installFeatures(String... features) {
        shell("feature:install " + String.join(" ", features));
    }

    /** The pid Karaf's Main wrote into karaf.pid, i.e. the JVM (not a wrapper script). */
    public Optional<Long> karafPid() {
        try {
            Path f = home.resolve("karaf.pid");
            if (!Files.exists(f)) {
                return Optional.empty();
            }
            String text = Files.readString(f).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL to the Karaf JVM, no shutdown hooks; returns once it is gone. */
    public void kill9() throws InterruptedException {
        long pid = karafPid().orElseThrow(() -> new AssertionError(name + ": no karaf.pid to kill " + logs()));
        if (pid != process.pid()) {
            throw new AssertionError(name + ": karaf.pid " + pid + " is not the started process " + process.pid()
                    + " (bin/karaf did not exec the JVM?)");
        }
        ProcessHandle jvm = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + ": pid " + pid + " is not running " + logs()));
        jvm.destroyForcibly();
        awaitExit(jvm);
        process.waitFor(30, TimeUnit.SECONDS);
        closeSsh();
    }

    /** A clean stop ({@code shutdown -f}), waiting for the JVM to exit; SIGKILL after a minute. */
    public void stop() throws InterruptedException {
        if (!isRunning()) {
            return;
        }
        shellResult("shutdown -f", Duration.ofSeconds(20));
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        closeSsh();
    }

    /** True if karaf.log or the console output contains {@code text}. */
    public boolean logsContain(String text) throws IOException {
        for (Path p : List.of(karafLog(), home.resolve("karaf.out"))) {
            if (Files.exists(p) && Files.readString(p, StandardCharsets.ISO_8859_1).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Kills every JVM this object started that is still alive. Never throws. */
    @Override
    public void close() {
        closeSsh();
        for (long pid : startedPids) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(h -> {
                h.destroyForcibly();
                try {
                    awaitExit(h);
                } catch (InterruptedException | AssertionError e) {
                    System.err.println(name + ": pid " + pid + " did not exit after SIGKILL: " + e);
                }
            });
        }
    }

    /** Deletes the unpacked distribution (tests keep it when they fail, for a post-mortem). */
    public void delete() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException(name + " is still running");
        }
        DistributionFiles.deleteTree(home);
    }

    private void closeSsh() {
        if (ssh != null) {
            ssh.close();
            ssh = null;
        }
    }

    private static void awaitExit(ProcessHandle h) throws InterruptedException {
        try {
            h.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("pid " + h.pid() + " survived SIGKILL for 30 s", e);
        }
    }

    /** Java 17 for Karaf 4.4: the test JVM's own if it is 17 (CI runs Maven on 17), else JAVA_HOME, else the Debian path. */
    private static String java17Home() {
        if (Runtime.version().feature() == 17) {
            return System.getProperty("java.home");
        }
        String javaHome = System.getenv("JAVA_HOME");
        return javaHome != null && !javaHome.isBlank() ? javaHome : JAVA17_DEFAULT;
    }
}
