package io.holdfast.testkit.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the Holdfast distribution under test is, and which versions it has. In this repository the
 * itests pass the freshly assembled tarball ({@code -Dholdfast.distribution=.../holdfast-VERSION.tar.gz},
 * since {@code mvn verify} installs nothing); a vendor's build depends on
 * {@code io.holdfast:holdfast-assembly:VERSION:tar.gz} and the tarball is taken from the local Maven
 * repository. The version defaults to the one this testkit was built with.
 */
public final class HoldfastTarball {
    private static final Properties BUILT_WITH = builtWith();

    private HoldfastTarball() {
    }

    /**
     * @throws IllegalStateException naming the path looked at and how to get it there, if there is no tarball
     */
    public static Path path() {
        String explicit = System.getProperty("holdfast.distribution", "");
        Path tarball = explicit.isBlank()
                ? Path.of(localRepository(), "io", "holdfast", "holdfast-assembly", holdfastVersion(),
                        "holdfast-assembly-" + holdfastVersion() + ".tar.gz")
                : Path.of(explicit);
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException("Holdfast distribution " + tarball + " is missing: build the assembly module, or add "
                    + "io.holdfast:holdfast-assembly:" + holdfastVersion() + ":tar.gz as a test dependency, or set -Dholdfast.distribution");
        }
        return tarball.toAbsolutePath();
    }

    /** {@code -Dholdfast.version}, else the version this testkit was built with. */
    public static String holdfastVersion() {
        return System.getProperty("holdfast.version", BUILT_WITH.getProperty("holdfast.version"));
    }

    /** {@code -Dkaraf.version}, else the Karaf this testkit's Holdfast was built on. */
    public static String karafVersion() {
        return System.getProperty("karaf.version", BUILT_WITH.getProperty("karaf.version"));
    }

    /** {@code -Dmaven.repo.local} (failsafe passes {@code ${settings.localRepository}}), else {@code ~/.m2/repository}. */
    public static String localRepository() {
        String configured = System.getProperty("maven.repo.local", "");
        return configured.isBlank() ? Path.of(System.getProperty("user.home"), ".m2", "repository").toString() : configured;
    }

    private static Properties builtWith() {
        Properties p = new Properties();
        try (InputStream in = HoldfastTarball.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from holdfast-testkit");
            }
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
