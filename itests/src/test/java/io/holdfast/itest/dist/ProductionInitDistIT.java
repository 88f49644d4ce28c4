package io.holdfast.itest.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.testkit.fixture.LoopbackPorts;
import io.holdfast.testkit.process.HoldfastProcess;
import io.holdfast.testkit.process.KarafSsh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The production tarball after bin/holdfast-init, as a real process: the init created an admin with a hashed
 * password, a 600 master key file and the database; the remote shell listens on 127.0.0.1 only, refuses
 * karaf/karaf, has no SFTP subsystem, and holdfast-sandbox cannot be installed. (ProductionDefaultsIT covers
 * the same tarball before initialisation.)
 */
public class ProductionInitDistIT {
    private static HoldfastProcess holdfast;
    private static boolean sshOpenBeforeInit;
    private static boolean httpOpenBeforeInit;

    /** First start as shipped (nothing listens, the log says how to initialise), then holdfast-init and a start. */
    @BeforeClass
    public static void startInitialised() throws Exception {
        holdfast = HoldfastProcess.unpackUninitialised("production-init");
        holdfast.startUninitialised();
        sshOpenBeforeInit = LoopbackPorts.listening(holdfast.sshPort());
        httpOpenBeforeInit = LoopbackPorts.listening(holdfast.httpPort());
        holdfast.kill9();
        holdfast.initialise();
        holdfast.start();
    }

    @Test
    public void remoteShellAndHttpStayedClosedBeforeInit() throws IOException {
        assertFalse("SSH listened before bin/holdfast-init " + holdfast.logs(), sshOpenBeforeInit);
        assertFalse("HTTP listened before bin/holdfast-init " + holdfast.logs(), httpOpenBeforeInit);
        long lines = Files.readAllLines(holdfast.karafLog()).stream()
                .filter(l -> l.contains("HF-311") && l.contains("not initialised") && l.contains("bin/holdfast-init")).count();
        assertTrue("one log line says how to initialise " + holdfast.logs(), lines >= 1);
    }

    @Test
    public void httpListensOnLoopbackOnlyAfterInit() throws IOException {
        List<String> addresses = listeningAddresses(holdfast.httpPort());
        assertFalse("HTTP is listening after init", addresses.isEmpty());
        addresses.forEach(a -> assertTrue("HTTP bound to " + a, a.equals("0100007F") || a.equals("0000000000000000FFFF00000100007F")));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (holdfast != null) {
            holdfast.stop();
            holdfast.close();
        }
    }

    @Test
    public void initCreatedAPrivateKeyFileTheDatabaseAndAHashedAdmin() throws IOException {
        Path key = holdfast.home().resolve("etc/holdfast-master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.isDirectory(holdfast.home().resolve("data/holdfast/derby/holdfast")));
        String users = Files.readString(holdfast.home().resolve("etc/users.properties"));
        assertTrue(users, users.contains(HoldfastProcess.ADMIN_USER + " = {CRYPT}"));
        assertFalse("the clear password is not stored", users.contains(HoldfastProcess.ADMIN_PASSWORD));
        assertFalse(users.lines().anyMatch(l -> l.trim().startsWith("karaf")));
    }

    @Test
    public void sshListensOnLoopbackOnlyAndRefusesKarafKaraf() throws IOException {
        List<String> addresses = listeningAddresses(holdfast.sshPort());
        assertFalse("SSH port " + holdfast.sshPort() + " is listening", addresses.isEmpty());
        for (String address : addresses) {
            assertTrue("SSH bound to " + address + ", not 127.0.0.1",
                    address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"));
        }
        try (KarafSsh karaf = new KarafSsh(holdfast.sshPort(), "karaf", "karaf")) {
            KarafSsh.Result r = karaf.exec("holdfast:status", Duration.ofSeconds(20));
            assertFalse("karaf/karaf was accepted: " + r, r.ok());
        }
        assertTrue(holdfast.shell("holdfast:status").contains("keys"));
    }

    @Test
    public void sftpSubsystemIsOff() {
        try (KarafSsh admin = new KarafSsh(holdfast.sshPort(), HoldfastProcess.ADMIN_USER, HoldfastProcess.ADMIN_PASSWORD)) {
            assertFalse("the SFTP subsystem answered", admin.subsystemStaysOpen("sftp"));
        }
    }

    @Test
    public void sandboxFeatureIsRefusedInProduction() {
        KarafSsh.Result r = holdfast.shellResult("feature:install holdfast-sandbox", Duration.ofMinutes(1));
        assertFalse("holdfast-sandbox installed in production: " + r, r.ok());
        assertTrue(r.toString(), r.toString().contains("holdfast.mode"));
        assertFalse(holdfast.shell("feature:list -i").toLowerCase(Locale.ROOT).contains("holdfast-sandbox"));
    }

    /** Local addresses (hex, as /proc/net/tcp{,6} writes them) of sockets listening on the port. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> found = new ArrayList<>();
        String hexPort = String.format("%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (local[1].equals(hexPort) && f[3].equals("0A")) {
                    found.add(local[0]);
                }
            }
        }
        return found;
    }
}
