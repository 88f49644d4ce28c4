package io.holdfast.routing.internal.route;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Route configuration files in {@code ${karaf.etc}}. Karaf 4.4's file installer names a factory
 * configuration by the part of the file name after the first {@code -}:
 * {@code io.holdfast.route-adt-to-epr.cfg}. A file named with {@code ~} (the ConfigAdmin PID form)
 * becomes a plain configuration that no route component ever sees, so it would be ignored
 * silently: such files are reported instead.
 */
public final class RouteConfigFiles {
    static final String PREFIX = RouteConfig.PID + "-";
    static final String WRONG_PREFIX = RouteConfig.PID + "~";

    private RouteConfigFiles() {
    }

    /** {@code ${karaf.etc}}, if this runs inside Karaf. */
    public static Optional<Path> etc() {
        String etc = System.getProperty("karaf.etc");
        return etc == null || etc.isBlank() ? Optional.empty() : Optional.of(Path.of(etc));
    }

    /** Names of well-named route files ({@code io.holdfast.route-*.cfg}) in {@code dir}. */
    public static List<String> routeFiles(Path dir) {
        return list(dir, PREFIX);
    }

    /** Names of route files named with {@code ~}, which Karaf's file installer does not treat as route configurations. */
    public static List<String> misnamed(Path dir) {
        return list(dir, WRONG_PREFIX);
    }

    /** {@code io.holdfast.route-x.cfg} for {@code io.holdfast.route~x.cfg}. */
    public static String correctName(String misnamed) {
        return PREFIX + misnamed.substring(WRONG_PREFIX.length());
    }

    /** The file name part of fileinstall's {@code felix.fileinstall.filename} (a URL or a path). */
    public static Optional<String> fileName(Object fileinstallProperty) {
        if (fileinstallProperty == null) {
            return Optional.empty();
        }
        String f = fileinstallProperty.toString();
        return Optional.of(f.substring(Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\')) + 1));
    }

    private static List<String> list(Path dir, String prefix) {
        TreeSet<String> out = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*.{cfg,config}")) {
            for (Path p : files) {
                out.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            return List.of();
        }
        return List.copyOf(out);
    }
}
