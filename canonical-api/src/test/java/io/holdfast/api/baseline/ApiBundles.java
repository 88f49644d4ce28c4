package io.holdfast.api.baseline;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds canonical-api bundles the way the build does (bnd, exports and versions from the
 * {@code package-info} annotations) from the compiled classes, optionally with edited sources, and
 * baselines them against the committed reference jar with the same bnd analysis the
 * maven-bundle-plugin {@code baseline} goal runs.
 */
final class ApiBundles {

    static final Path CLASSES = Path.of(required("holdfast.api.classes"));
    static final Path SOURCES = Path.of(required("holdfast.api.sources"));
    static final Path REFERENCE_JAR = Path.of(required("holdfast.baseline.jar"));

    private ApiBundles() {
    }

    /** The package infos of baselining {@code newer} against the reference jar. */
    static Set<Baseline.Info> baselineAgainstReference(Jar newer) throws Exception {
        try (Jar reference = new Jar(REFERENCE_JAR.toFile())) {
            return baseline(newer, reference);
        }
    }

    /** The package infos of baselining {@code newer} against {@code older}. */
    static Set<Baseline.Info> baseline(Jar newer, Jar older) throws Exception {
        try (Processor reporter = new Processor()) {
            return new Baseline(reporter, new DiffPluginImpl()).baseline(newer, older, null);
        }
    }

    /** The bundle built from {@code classes}; bnd exports the packages marked {@code @Export}, as the build does. */
    static Jar bundle(Path classes) throws Exception {
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", "io.holdfast.canonical-api");
            builder.setProperty("Bundle-Version", "1.0.0");
            builder.setProperty("Private-Package", "io.holdfast.api.*");
            builder.addClasspath(classes.toFile());
            Jar jar = builder.build();
            if (!builder.getErrors().isEmpty()) {
                throw new IllegalStateException("bnd could not build the API bundle: " + builder.getErrors());
            }
            // the built jar reads from the builder's class path, which closes with the builder: copy it
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            jar.write(bytes);
            return new Jar("canonical-api", new ByteArrayInputStream(bytes.toByteArray()));
        }
    }

    /**
     * A copy of the compiled API in {@code work} where each listed source file (relative to the
     * source root) has been edited and recompiled: a deliberate API change for a test.
     */
    static Path classesWithEdits(Path work, Map<String, UnaryOperator<String>> edits) throws IOException {
        Path classes = work.resolve("classes");
        copyTree(CLASSES, classes);
        Path sources = work.resolve("src");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, UnaryOperator<String>> edit : edits.entrySet()) {
            Path target = sources.resolve(edit.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, edit.getValue().apply(Files.readString(SOURCES.resolve(edit.getKey()))));
            files.add(target.toString());
        }
        if (!files.isEmpty()) {
            compile(classes, files);
        }
        return classes;
    }

    /** Adds {@code member} as the last member of the (top-level) type in {@code source}. */
    static UnaryOperator<String> addMember(String member) {
        return source -> {
            int end = source.lastIndexOf('}');
            return source.substring(0, end) + "    " + member + "\n}\n";
        };
    }

    /** Replaces the package version in a {@code package-info.java}. */
    static UnaryOperator<String> packageVersion(String version) {
        return source -> source.replaceFirst("@org\\.osgi\\.annotation\\.versioning\\.Version\\(\"[^\"]+\"\\)",
                "@org.osgi.annotation.versioning.Version(\"" + version + "\")");
    }

    private static void compile(Path classes, List<String> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = classes + java.io.File.pathSeparator + location(ProviderType.class);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-cp", classpath));
        args.addAll(files);
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("the edited API sources do not compile: " + files);
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (see canonical-api/pom.xml surefire configuration)");
        }
        return value;
    }
}
