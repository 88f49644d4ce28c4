package io.holdfast.buildrules;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bundle modules of the repository (read from the disk, so a new module cannot slip past the
 * rules) and the manifests of their built jars (from this module's test class path, which Maven
 * fills with the jars the reactor just packaged, or the installed ones in a single-module build).
 */
final class BuiltBundles {

    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);
    private static final Pattern PACKAGING = Pattern.compile("<packaging>([^<]+)</packaging>");

    private BuiltBundles() {
    }

    /** artifactId → role of every bundle module under canonical-api, bundles/, connectors/, simulators/, examples/. */
    static Map<String, ModuleRole> modulesOnDisk() {
        Path root = Path.of(System.getProperty("holdfast.repo.root", ".."));
        Map<String, ModuleRole> modules = new TreeMap<>();
        addModule(root.resolve("canonical-api"), ModuleRole.CANONICAL_API, modules);
        for (String folder : List.of("bundles", "connectors", "simulators")) {
            for (Path module : children(root.resolve(folder))) {
                ModuleRole role = switch (folder) {
                    case "bundles" -> module.getFileName().toString().startsWith("lib-") ? ModuleRole.LIBRARY : ModuleRole.KERNEL;
                    case "connectors" -> ModuleRole.CONNECTOR;
                    default -> ModuleRole.SIMULATOR;
                };
                addModule(module, role, modules);
            }
        }
        // example connectors (examples/<name>/<module>), built from the archetype like a vendor's
        for (Path example : children(root.resolve("examples"))) {
            for (Path module : children(example)) {
                boolean simulator = module.getFileName().toString().contains("simulator");
                addModule(module, simulator ? ModuleRole.SIMULATOR : ModuleRole.CONNECTOR, modules);
            }
        }
        if (modules.isEmpty()) {
            throw new IllegalStateException("no bundle modules found under " + root.toAbsolutePath());
        }
        return modules;
    }

    /** artifactId → manifest of every Holdfast bundle jar on the test class path. */
    static Map<String, BundleManifest> onClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Map<String, BundleManifest> bundles = new TreeMap<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            boolean ownOutput = path.toAbsolutePath().startsWith(Path.of("").toAbsolutePath());
            if (!ownOutput && Files.isDirectory(path) && Files.exists(path.resolveSibling("maven-status"))) {
                throw new IllegalStateException(path + " is a class folder, not a bundle: the rules read the manifests bnd "
                        + "writes when it packages; run them with 'package' or 'install', not 'test'");
            }
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                BundleManifest.read(path).ifPresent(m -> bundles.put(m.artifactId(), m));
            }
        }
        return bundles;
    }

    private static void addModule(Path module, ModuleRole role, Map<String, ModuleRole> modules) {
        Path pom = module.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return;
        }
        String text = read(pom);
        Matcher packaging = PACKAGING.matcher(text);
        Matcher artifactId = ARTIFACT_ID.matcher(text);
        if (packaging.find() && packaging.group(1).equals("bundle") && artifactId.find()) {
            modules.put(artifactId.group(1), role);
        }
    }

    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest of {@code artifactId}, failing with what to do if the rules cannot see it. */
    static BundleManifest require(Map<String, BundleManifest> built, String artifactId) {
        return Optional.ofNullable(built.get(artifactId)).orElseThrow(() -> new AssertionError(artifactId
                + " is a bundle module but not on build-rules' test class path: add it (scope test) to build-rules/pom.xml"));
    }
}
