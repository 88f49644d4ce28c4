package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.karaf.HoldfastDistribution;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The production tarball exactly as shipped, never initialised (no bin/holdfast-init run): no user at all, the
 * remote shell and HTTP not listening, loopback-only bindings and no SFTP subsystem configured, the one-line
 * "not initialised" message in the log, the holdfast-sandbox feature refused, and the holdfast-* role ACLs
 * present. ProductionInitDistIT covers the same tarball after holdfast-init (SSH on 127.0.0.1, no SFTP,
 * karaf/karaf rejected over SSH).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProductionDefaultsIT {
    @Inject
    BootFinished bootFinished;

    @Inject
    FeaturesService features;

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Inject
    Health health;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(HoldfastDistribution.productionOptions(),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell());
    }

    @Test
    public void runsInProductionModeWithNoUserAtAll() throws IOException {
        assertEquals("production", System.getProperty("holdfast.mode"));
        List<String> users = Files.readAllLines(etc("users.properties"), StandardCharsets.ISO_8859_1);
        Pattern user = Pattern.compile("^\\s*[^#_\\s][^=]*=.*");
        assertEquals("users.properties holds no user (only the holdfast-* groups)", List.of(),
                users.stream().filter(l -> user.matcher(l).matches()).toList());
        assertFalse(users.stream().anyMatch(l -> l.trim().startsWith("karaf")));
        assertEquals("true", property("org.apache.karaf.jaas", "encryption.enabled"));
    }

    /**
     * pax-exam launches the JVM itself (not bin/karaf, whose -Dkaraf.startRemoteShell bin/setenv decides), so the
     * remote shell is checked as configured here and as listening in ProductionInitDistIT; HTTP is checked here.
     */
    @Test
    public void remoteShellAndHttpAreClosedBeforeInit() throws Exception {
        String custom = Files.readString(etc("custom.properties"), StandardCharsets.ISO_8859_1);
        assertTrue(Pattern.compile("(?m)^karaf\\.startRemoteShell\\s*=\\s*false").matcher(custom).find());
        assertEquals("false", property("org.ops4j.pax.web", "org.osgi.service.http.enabled"));
        int http = Integer.parseInt(property("org.ops4j.pax.web", "org.osgi.service.http.port"));
        assertFalse("HTTP port " + http + " answers before bin/holdfast-init", listening(http));
    }

    @Test
    public void bindingsAreLoopbackAndSftpIsOff() throws Exception {
        assertEquals("127.0.0.1", property("org.apache.karaf.shell", "sshHost"));
        assertEquals("false", property("org.apache.karaf.shell", "sftpEnabled"));
        assertEquals("127.0.0.1", property("org.ops4j.pax.web", "org.ops4j.pax.web.listening.addresses"));
        assertEquals("shell:exec is given to no Holdfast role", "holdfast-os-exec",
                property("org.apache.karaf.command.acl.shell", "exec"));
    }

    @Test
    public void logSaysInOneLineHowToInitialise() throws Exception {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        Await.until("karaf.log names bin/holdfast-init in an HF-311 line", 60_000, () -> logLines(log).stream()
                .anyMatch(l -> l.contains("HF-311") && l.contains("not initialised") && l.contains("bin/holdfast-init")));
        ComponentHealth keys = health.components().stream().filter(c -> c.component().equals("keys")).findFirst()
                .orElseThrow(() -> new AssertionError("no keys health"));
        assertEquals(HealthState.DOWN, keys.state());
    }

    @Test
    public void sandboxFeatureIsRefusedWithNothingInstalled() throws Exception {
        int bundlesBefore = context.getBundles().length;
        try {
            features.installFeature("holdfast-sandbox");
            fail("holdfast-sandbox was installed into a production instance");
        } catch (Exception expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("holdfast.mode"));
        }
        assertFalse(features.isInstalled(features.getFeature("holdfast-sandbox")));
        assertEquals("no bundle was installed", bundlesBefore, context.getBundles().length);
        assertFalse(Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName).anyMatch(n -> n.contains("simulator")));
    }

    @Test
    public void commandAclsGiveTheThreeRoles() throws Exception {
        String acl = Files.readString(etc("org.apache.karaf.command.acl.holdfast.cfg"), StandardCharsets.ISO_8859_1);
        for (String role : List.of("holdfast-viewer", "holdfast-operator", "holdfast-admin")) {
            assertTrue(role, acl.contains("= " + role));
        }
        String pid = "org.apache.karaf.command.acl.holdfast";
        assertEquals("holdfast-viewer", property(pid, "trace"));
        assertEquals("holdfast-operator", property(pid, "replay"));
        assertEquals("holdfast-admin", property(pid, "cred-import"));
        assertEquals("holdfast-admin", property(pid, "system-add"));
        assertEquals("holdfast-admin", property(pid, "keys-rotate"));
    }

    private String property(String pid, String key) throws IOException {
        Object value = configurationAdmin.getConfiguration(pid, null).getProperties() == null ? null
                : configurationAdmin.getConfiguration(pid, null).getProperties().get(key);
        return value == null ? null : value.toString().trim();
    }

    private static List<String> logLines(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path etc(String file) {
        return Path.of(System.getProperty("karaf.etc"), file);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
