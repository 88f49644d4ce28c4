package ${package}.itest;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
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
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * pax-exam options booting the Holdfast distribution (the tarball named by failsafe) as a separate JVM, on free
 * ports, resolving mvn: URLs only from the local repository, Holdfast's system folder and this project's bundles.
 */
final class DistributionOptions {
    private static final String FIVE_MINUTES = Long.toString(TimeUnit.MINUTES.toMillis(5));

    private DistributionOptions() {
    }

    static Option[] options() {
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(distributionUrl()).karafVersion(required("karaf.version"))
                    .name("Holdfast").unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            // a booting kernel migrates its database first: give exam's service lookups time
            systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value(FIVE_MINUTES),
            systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT").value(FIVE_MINUTES),
            systemProperty("pax.exam.service.timeout").value(FIVE_MINUTES),
            systemTimeout(TimeUnit.MINUTES.toMillis(6)),
            logLevel(LogLevel.INFO),
            // what bin/holdfast-init does on a real install: a master key file only the Karaf user reads, and the database
            systemProperty("holdfast.master.key.file").value(testKeyFile()),
            editConfigurationFilePut("etc/org.ops4j.datasource-holdfast.cfg", "url",
                    "jdbc:derby:${karaf.data}/holdfast/derby/holdfast;create=true"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", required("maven.repo.local")),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                    + "file:" + new File(required("connector.repository")).getAbsolutePath() + "@id=connector.repository@snapshots"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
            systemProperty("connector.features").value(required("connector.features")),
        };
    }

    static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String testKeyFile() {
        Path file = Path.of("target", "itest-master.key").toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, "itest-only-master-passphrase\n");
            }
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String distributionUrl() {
        File tarball = new File(required("holdfast.distribution"));
        if (!tarball.isFile()) {
            throw new IllegalStateException("Holdfast distribution " + tarball + " is missing");
        }
        try {
            return tarball.toURI().toURL().toExternalForm();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the itests through Maven (failsafe sets it)");
        }
        return value;
    }
}
