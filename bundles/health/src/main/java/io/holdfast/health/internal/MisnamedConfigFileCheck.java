package io.holdfast.health.internal;

import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Karaf 4.4's file installer reads a factory configuration only from {@code <factoryPid>-<name>.cfg}
 * (it splits the file name on {@code -}). A file named with {@code ~}, the ConfigAdmin PID form
 * ({@code io.holdfast.mllp.listener~adt.cfg}, {@code io.holdfast.route~adt-to-epr.cfg},
 * {@code io.holdfast.mesh.mailbox~x.cfg}), becomes a plain configuration that no component ever
 * sees: the listener, route or mailbox an administrator wrote silently never exists. This one kernel
 * check covers every Holdfast factory PID: it scans {@code ${karaf.etc}} at activation and every
 * minute for {@code io.holdfast.*~*.cfg}, logs one WARN per file when first seen and keeps a DEGRADED
 * Health entry {@code config-file:<file>} naming the file Karaf would read, removed once the file is
 * renamed or deleted.
 */
@Component(immediate = true, service = {})
public class MisnamedConfigFileCheck {
    private static final Logger LOG = LoggerFactory.getLogger(MisnamedConfigFileCheck.class);
    static final String HEALTH_PREFIX = "config-file:";
    static final String PREFIX = "io.holdfast.";
    static final long PERIOD_SECONDS = 60;

    @Reference
    Health health;
    private Path etc;
    /** File names currently reported (WARN logged, Health entry held); touched only under {@code this}. */
    private final Set<String> reported = new HashSet<>();
    private ScheduledExecutorService timer;

    public MisnamedConfigFileCheck() {
    }

    MisnamedConfigFileCheck(Health health, Path etc) {
        this.health = health;
        this.etc = etc;
    }

    private static Path karafEtc() {
        String etc = System.getProperty("karaf.etc");
        return etc == null || etc.isBlank() ? null : Path.of(etc);
    }

    @Activate
    synchronized void activate() {
        if (etc == null) {
            etc = karafEtc();
        }
        if (etc == null) {
            LOG.debug("karaf.etc is not set: no configuration file names to check");
            return;
        }
        scan();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "holdfast-config-file-check");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::scanQuietly, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    synchronized void deactivate() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        reported.forEach(name -> health.remove(HEALTH_PREFIX + name));
        reported.clear();
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException e) {
            // A failed scan must not cancel the schedule: the next minute tries again.
            LOG.warn("Could not check {} for misnamed configuration files: {}", etc, e.toString());
        }
    }

    /** Reports files newly misnamed, clears those renamed or deleted; returns the names now reported. */
    synchronized Set<String> scan() {
        Set<String> found = misnamed(etc);
        for (String name : found) {
            if (reported.add(name)) {
                String detail = describe(name);
                LOG.warn("Configuration file {}", detail);
                health.report(HEALTH_PREFIX + name, HealthState.DEGRADED, detail);
            }
        }
        reported.removeIf(name -> {
            if (found.contains(name)) {
                return false;
            }
            LOG.info("Configuration file etc/{} is gone (renamed or deleted): no longer reported", oneLine(name));
            health.remove(HEALTH_PREFIX + name);
            return true;
        });
        return Set.copyOf(reported);
    }

    /** Names of {@code io.holdfast.*~*.cfg} files in {@code dir}, sorted; empty if it cannot be read. */
    static Set<String> misnamed(Path dir) {
        Set<String> found = new TreeSet<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*~*.cfg")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    found.add(file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not check {} for misnamed configuration files: {}", dir, e.toString());
        }
        return found;
    }

    /** {@code io.holdfast.mesh.mailbox~x.cfg} → {@code io.holdfast.mesh.mailbox-x.cfg}: the factory PID is the part before the first {@code ~}. */
    static String correctName(String misnamed) {
        int tilde = misnamed.indexOf('~');
        return misnamed.substring(0, tilde) + "-" + misnamed.substring(tilde + 1);
    }

    static String describe(String name) {
        String factoryPid = name.substring(0, name.indexOf('~'));
        return "etc/" + oneLine(name) + " is ignored: Karaf 4.4 reads a factory configuration of " + oneLine(factoryPid)
                + " only from <factoryPid>-<name>.cfg (a '-', never '~'); rename it to etc/" + oneLine(correctName(name));
    }

    /** A file name may hold any character; keep the log line and status entry one line. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
