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
 * {@code io.holdfast.route-adt-to-epr.cfg}. (A file named with {@code ~} is not a route configuration
 * to Karaf; the kernel's {@code MisnamedConfigFileCheck} in holdfast-health reports it.)
 */
public final class RouteConfigFiles {
    static final String PREFIX = RouteConfig.PID + "-";

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
