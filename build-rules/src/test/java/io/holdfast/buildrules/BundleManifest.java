package io.holdfast.buildrules;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What bnd put in a built bundle's manifest, as the OSGi framework will read it: the packages it
 * exports (with versions) and imports, plus the packages that carry a {@code package-info}.
 */
record BundleManifest(String artifactId, Path jar, Map<String, String> exports, Set<String> imports,
                      Set<String> packageInfos) {

    static final String HOLDFAST = "io.holdfast.";

    /** The bundle in {@code jar}, or nothing if the jar is not a Holdfast bundle. */
    static java.util.Optional<BundleManifest> read(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
            String artifactId = artifactId(file);
            if (main == null || main.getValue("Bundle-SymbolicName") == null || artifactId == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new BundleManifest(artifactId, jar, exports(main.getValue("Export-Package")),
                    new TreeSet<>(parse(main.getValue("Import-Package")).keySet()), packageInfos(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** For rule tests: a manifest given by its headers. */
    static BundleManifest of(String artifactId, String exportPackage, String importPackage, Set<String> packageInfos) {
        return new BundleManifest(artifactId, Path.of(artifactId + ".jar"), exports(exportPackage),
                new TreeSet<>(parse(importPackage).keySet()), packageInfos);
    }

    private static Map<String, String> exports(String header) {
        Map<String, String> exports = new TreeMap<>();
        parse(header).forEach((pkg, attrs) -> exports.put(pkg, attrs.getOrDefault("version", "0.0.0")));
        return exports;
    }

    private static Map<String, Attrs> parse(String header) {
        Parameters parameters = OSGiHeader.parseHeader(header);
        Map<String, Attrs> byPackage = new TreeMap<>();
        parameters.forEach((key, attrs) -> byPackage.put(key.replaceAll("~+$", ""), attrs));
        return byPackage;
    }

    private static Set<String> packageInfos(JarFile file) {
        Set<String> packages = new TreeSet<>();
        file.stream().map(JarEntry::getName).filter(n -> n.endsWith("/package-info.class"))
                .forEach(n -> packages.add(n.substring(0, n.length() - "/package-info.class".length()).replace('/', '.')));
        return packages;
    }

    private static String artifactId(JarFile file) throws IOException {
        JarEntry entry = file.stream().filter(e -> e.getName().startsWith("META-INF/maven/io.holdfast")
                && e.getName().endsWith("/pom.properties")).findFirst().orElse(null);
        if (entry == null) {
            return null;
        }
        try (InputStream in = file.getInputStream(entry)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("artifactId");
        }
    }
}
