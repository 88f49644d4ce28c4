package io.holdfast.testkit.karaf;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import io.holdfast.testkit.fixture.LoopbackPorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * pax-exam options that boot the assembled Holdfast distribution (not a stock Karaf) as a separate JVM,
 * with the testkit's in-container helpers installed.
 *
 * <p>The tarball is {@link HoldfastTarball#path()}. Karaf inside the test resolves {@code mvn:} URLs from
 * the local repository only (exam's own bundles must be test dependencies of the module); Holdfast's
 * features are in the distribution's system folder. Ports are free ports picked now, so tests never
 * collide with a running sandbox or another build.
 */
public final class HoldfastDistribution {
    /**
     * Master key file of the generated test keystore: the production tarball takes the passphrase only from a
     * key file the Karaf user alone can read (what bin/holdfast-init writes), named here by system property.
     */
    public static final Path TEST_KEY_FILE = Path.of("target", "itest-master.key").toAbsolutePath();

    private static final String FIVE_MINUTES = Long.toString(TimeUnit.MINUTES.toMillis(5));

    private HoldfastDistribution() {
    }

    /**
     * The kernel booted and ready, as after {@code bin/holdfast-init}: the test key file and the database
     * stand in for it; the remote shell stays off (tests use {@link KarafShell} inside the container).
     */
    public static Option[] options() {
        return OptionUtils.combine(productionOptions(),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                systemProperty("holdfast.master.key.file").value(testKeyFile()),
                editConfigurationFilePut("etc/org.ops4j.datasource-holdfast.cfg", "url",
                        "jdbc:derby:${karaf.data}/holdfast/derby/holdfast;create=true"));
    }

    /** The production tarball as shipped (no key file, no database, no user), moved to free ports. */
    public static Option[] productionOptions() {
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(distributionUrl())
                    .karafVersion(HoldfastTarball.karafVersion())
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
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    HoldfastTarball.localRepository()),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
            ContainerHelpers.bundleOption(),
        };
    }

    /** A loopback port nothing listens on right now (tests bind their listeners and simulators to such ports). */
    public static String freePort() {
        return Integer.toString(LoopbackPorts.free());
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
        try {
            return HoldfastTarball.path().toUri().toURL().toExternalForm();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
