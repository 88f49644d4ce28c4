package io.holdfast.mllp.internal.config;

import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Karaf 4.4's file installer reads a factory configuration only from
 * {@code <factoryPid>-<name>.cfg}; a file named {@code io.holdfast.mllp.listener~adt.cfg} becomes a
 * configuration nothing uses, so the listener an administrator wrote never starts and nothing
 * says why. At activation this scans {@code ${karaf.etc}} for such files and reports each with a
 * WARN and a DEGRADED Health entry ({@code mllp-config:<file>}) naming the file to rename it to.
 */
@Component(immediate = true, service = MisnamedListenerFileCheck.class)
public class MisnamedListenerFileCheck {
    private static final Logger LOG = LoggerFactory.getLogger(MisnamedListenerFileCheck.class);
    static final String HEALTH_PREFIX = "mllp-config:";

    @Reference
    Health health;

    private final List<String> reported = new ArrayList<>();

    @Activate
    void activate() {
        String etc = System.getProperty("karaf.etc");
        if (etc != null) {
            check(Path.of(etc));
        }
    }

    /** Reports every misnamed listener file in {@code etc}; returns their names. */
    List<String> check(Path etc) {
        for (Path file : misnamed(etc)) {
            String name = file.getFileName().toString();
            String fixed = correctName(name);
            String detail = "etc/" + name + " is ignored: Karaf reads factory configurations only from <factoryPid>-<name>.cfg; "
                    + "rename it to etc/" + fixed;
            LOG.warn("MLLP listener file {}", detail);
            health.report(HEALTH_PREFIX + name, HealthState.DEGRADED, detail);
            reported.add(name);
        }
        return List.copyOf(reported);
    }

    static List<Path> misnamed(Path etc) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(etc)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(etc, ListenerSettings.FACTORY_PID + "~*.cfg")) {
            files.forEach(found::add);
        } catch (IOException e) {
            LOG.warn("Could not scan {} for misnamed MLLP listener files: {}", etc, e.toString());
        }
        found.sort(null);
        return found;
    }

    /** {@code io.holdfast.mllp.listener~adt.cfg} → {@code io.holdfast.mllp.listener-adt.cfg}. */
    static String correctName(String misnamed) {
        return ListenerSettings.FACTORY_PID + "-" + misnamed.substring(ListenerSettings.FACTORY_PID.length() + 1);
    }

    @Deactivate
    void deactivate() {
        reported.forEach(name -> health.remove(HEALTH_PREFIX + name));
        reported.clear();
    }
}
