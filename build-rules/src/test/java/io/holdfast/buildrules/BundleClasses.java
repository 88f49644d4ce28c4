package io.holdfast.buildrules;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Clazz;
import aQute.bnd.osgi.Descriptors.PackageRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What the classes inside a built bundle are and refer to, as bnd sees them when it packages the
 * bundle: the packages the jar contains, and for each class the Holdfast packages its byte code
 * names. Stronger than {@code Import-Package}, which leaves out packages copied into the jar.
 */
record BundleClasses(String artifactId, Set<String> packages, Map<String, Set<String>> holdfastReferences) {

    /** The classes of {@code jar} (an {@link AssertionError} if it has none: an empty jar would pass every rule). */
    static BundleClasses read(String artifactId, Path jar) {
        Set<String> packages = new TreeSet<>();
        Map<String, Set<String>> references = new TreeMap<>();
        try (Analyzer analyzer = new Analyzer()) {
            analyzer.setJar(jar.toFile());
            analyzer.analyze();
            for (Clazz clazz : analyzer.getClassspace().values()) {
                packages.add(clazz.getClassName().getPackageRef().getFQN());
                Set<String> holdfast = new TreeSet<>();
                for (PackageRef ref : clazz.getReferred()) {
                    if (ref.getFQN().startsWith(BundleManifest.HOLDFAST)) {
                        holdfast.add(ref.getFQN());
                    }
                }
                references.put(clazz.getFQN(), holdfast);
            }
        } catch (Exception e) {
            throw new IllegalStateException("bnd cannot analyse " + jar + ": " + e.getMessage(), e);
        }
        if (references.isEmpty()) {
            throw new AssertionError(artifactId + ": no classes in " + jar);
        }
        return new BundleClasses(artifactId, packages, references);
    }

    /** The packages holding classes in {@code jar} (its entries only: cheaper than {@link #read} when no references are needed). */
    static Set<String> packagesIn(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Set<String> packages = new TreeSet<>();
            file.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class") && n.contains("/"))
                    .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
            return packages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** For rule tests: classes given as "class name → Holdfast packages it refers to". */
    static BundleClasses of(String artifactId, Map<String, Set<String>> holdfastReferences) {
        Set<String> packages = new TreeSet<>();
        holdfastReferences.keySet().forEach(c -> packages.add(c.substring(0, c.lastIndexOf('.'))));
        Map<String, Set<String>> sorted = new TreeMap<>();
        holdfastReferences.forEach((c, refs) -> sorted.put(c, new TreeSet<>(refs)));
        return new BundleClasses(artifactId, packages, sorted);
    }
}
