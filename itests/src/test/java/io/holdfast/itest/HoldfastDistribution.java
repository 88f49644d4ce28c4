package io.holdfast.itest;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * pax-exam options that boot the assembled Holdfast distribution (not a stock Karaf) as a separate JVM.
 *
 * <p>The tarball comes by file URL from {@code assembly/target} because the project's test command is
 * {@code mvn verify}, which installs nothing. Karaf inside the test resolves {@code mvn:} URLs from the
 * local repository only (exam's own bundles are test dependencies of this module); Holdfast's features
 * are in the distribution's system folder. Ports are free ports picked now, so tests never collide with
 * a running sandbox or another build.
 */
final class HoldfastDistribution {
    /**
     * Master key file of the generated test keystore: the production tarball takes the passphrase only from a
     * key file the Karaf user alone can read (what bin/holdfast-init writes), named here by system property.
     */
    static final Path TEST_KEY_FILE = Path.of("target", "itest-master.key").toAbsolutePath();

    private static final String FIVE_MINUTES = Long.toString(TimeUnit.MINUTES.toMillis(5));

    private HoldfastDistribution() {
    }

    static Option[] options() {
        return OptionUtils.combine(productionOptions(),
                // the shared pax-exam tests test the kernel, not first initialisation (ProductionDefaultsIT does):
                // the key file and the database stand in for bin/holdfast-init; the remote shell stays off
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                systemProperty("holdfast.master.key.file").value(testKeyFile()),
                editConfigurationFilePut("etc/org.ops4j.datasource-holdfast.cfg", "url",
                        "jdbc:derby:${karaf.data}/holdfast/derby/holdfast;create=true"));
    }

    /** The production tarball as shipped (no key file, no database, no user), moved to free ports. */
    static Option[] productionOptions() {
        String localRepository = requiredProperty("maven.repo.local");
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(distributionUrl())
                    .karafVersion(requiredProperty("karaf.version"))
                    .name("Holdfast")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            // -Dholdfast.itest.keep=true keeps target/exam/<uuid>/ (data/log/karaf.log) for a post-mortem
            when(Boolean.getBoolean("holdfast.itest.keep")).useOptions(keepRuntimeFolder()),
            // Exam's bundles are booted together with holdfast-kernel and may start after it. Exam's extender
            // sees the test probe as soon as it is installed and waits for exam's invoker; with the 10 s
            // default it gave up while the kernel bundles were still migrating Derby, and the test hung.
            systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value(FIVE_MINUTES),
            // ...and exam's JUnit invoker then waits for exam's Injector with a timeout of its own (10 s by default). A
            // boot whose Derby migrations took 10 s on a loaded machine gave up there ("gave up waiting for service
            // org.ops4j.pax.exam.util.Injector") and the test hung until the system timeout.
            systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT").value(FIVE_MINUTES),
            // @Inject waits this long for a service (BootFinished: the whole boot) instead of 10 s
            systemProperty("pax.exam.service.timeout").value(FIVE_MINUTES),
            systemTimeout(TimeUnit.MINUTES.toMillis(6)),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
            systemProperty("holdfast.probe.features").value(requiredProperty("holdfast.probe.features")),
            // MeshIT starts the MESH simulator as a child JVM with this class path (built by the itests pom)
            systemProperty(MeshSimulatorProcess.CLASSPATH_PROPERTY).value(requiredProperty(MeshSimulatorProcess.CLASSPATH_PROPERTY)),
        };
    }

    private static String testKeyFile() {
        try {
            if (!Files.exists(TEST_KEY_FILE)) {
                Files.createDirectories(TEST_KEY_FILE.getParent());
                Files.createFile(TEST_KEY_FILE, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(TEST_KEY_FILE, "itest-only-master-passphrase\n");
            }
            return TEST_KEY_FILE.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String distributionUrl() {
        File tarball = new File(requiredProperty("holdfast.distribution"));
        if (!tarball.isFile()) {
            throw new IllegalStateException("Distribution " + tarball + " is missing: build the assembly module first"
                    + " (./mvnw verify from the repository root builds it before the itests)");
        }
        try {
            return tarball.toURI().toURL().toExternalForm();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on right now (tests bind their listeners and simulators to such ports). */
    static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the itests through Maven (failsafe sets it)");
        }
        return value;
    }
}
