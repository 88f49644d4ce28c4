package io.holdfast.credentials.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.internal.monitor.CertMonitorConfig;
import io.holdfast.credentials.internal.monitor.CertificateMonitorService;
import io.holdfast.credentials.testing.TestKernel;
import io.holdfast.credentials.testing.TestPki;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultCommandsTest {
    private static final String PASSPHRASE = "p12-Passphrase-42";
    @TempDir
    Path dir;
    private final TestKernel kernel = new TestKernel();
    private final TestPki pki = new TestPki(kernel.clock.instant());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private CertificateMonitorService monitor;
    private Path p12;
    private Path passphrase;

    @BeforeEach
    void setUp() throws Exception {
        kernel.addSystem("pds-int", AuthPattern.OAUTH2_SIGNED_JWT, "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4");
        kernel.inventory.add(new io.holdfast.api.kernel.DownstreamSystem("spine-int", "Spine", java.util.Optional.empty(), "int",
                "SPINE_EBXML", io.holdfast.api.message.WireFormat.parse("HL7V3_EBXML"), "https://msg.example.nhs.uk",
                AuthPattern.TLS_MUTUAL, java.util.Optional.empty(), java.util.Optional.empty()));
        p12 = Files.write(dir.resolve("spine.p12"), TestPki.pkcs12(TestPki.CLIENT_KEY.getPrivate(), PASSPHRASE.toCharArray(),
                pki.client("spine-endpoint", Duration.ofDays(20).plusHours(1)), pki.ca));
        passphrase = Files.writeString(dir.resolve("pass.txt"), PASSPHRASE + "\n");
        monitor = new CertificateMonitorService(kernel.vault, kernel.store, kernel.health, new SimpleMeterRegistry(), kernel.alerts,
                kernel.leases, config());
    }

    @AfterEach
    void tearDown() {
        monitor.check();
    }

    private static CertMonitorConfig config() {
        return new CertMonitorConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CertMonitorConfig.class;
            }

            @Override
            public int intervalHours() {
                return 24;
            }

            @Override
            public int startDelaySeconds() {
                return 3600;
            }
        };
    }

    private CredImportCommand importCommand(String... files) {
        CredImportCommand c = new CredImportCommand();
        c.vault = kernel.vault;
        c.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        c.files = List.of(files);
        return c;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Runs a command as Karaf would: a failure must be a thrown CommandException; its one line goes to err(). */
    private void run(org.apache.karaf.shell.api.action.Action command) throws Exception {
        try {
            command.execute();
        } catch (org.apache.karaf.shell.support.CommandException e) {
            err.write((e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importListActivateAndShowCertificates() throws Exception {
        CredImportCommand first = importCommand(p12.toString());
        first.system = "spine-int";
        first.passphraseFile = passphrase.toString();
        run(first);
        assertThat(err()).isEmpty();
        assertThat(out()).startsWith("Imported int/spine-int KEY_PAIR v1 (spine-int@v1 sha256:").contains("): ACTIVE")
                .contains("note: certificate 'CN=spine-endpoint,O=Holdfast Test'").contains("expires in 20 days")
                .doesNotContain("outside the key's chain");

        out.reset();
        run(first);
        assertThat(out()).contains("KEY_PAIR v2").contains("PENDING")
                .contains("Activate this one with: holdfast:cred-activate --env int --entry spine-int --kind KEY_PAIR 2");

        out.reset();
        CredActivateCommand activate = new CredActivateCommand();
        activate.vault = kernel.vault;
        activate.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        activate.system = "spine-int";
        activate.version = 2;
        run(activate);
        assertThat(out()).startsWith("int/spine-int KEY_PAIR v2 (spine-int@v2 sha256:").contains(") is ACTIVE");

        out.reset();
        CredsCommand creds = new CredsCommand();
        creds.vault = kernel.vault;
        creds.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        run(creds);
        assertThat(out()).contains("SUPERSEDED", "ACTIVE", "spine-int@v2 sha256:", "Not after").doesNotContain(PASSPHRASE);

        out.reset();
        CertsCheckCommand check = new CertsCheckCommand();
        check.monitor = monitor;
        check.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        run(check);
        assertThat(out()).contains("System", "Subject", "Issuer", "Serial", "Not after", "Days left", "State")
                .contains("spine-int", "CN=spine-endpoint,O=Holdfast Test", "CN=Holdfast Test Root CA,O=Holdfast Test", "EXPIRING_30")
                .contains("Checked 2 certificates; 1 need attention");

        out.reset();
        CertsCommand certs = new CertsCommand();
        certs.monitor = monitor;
        certs.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        certs.environment = "live";
        run(certs);
        assertThat(out()).doesNotContain("spine-int");
    }

    private static org.apache.karaf.shell.api.console.Session typing(String... lines) {
        java.util.Iterator<String> typed = java.util.Arrays.asList(lines).iterator();
        return (org.apache.karaf.shell.api.console.Session) java.lang.reflect.Proxy.newProxyInstance(
                VaultCommandsTest.class.getClassLoader(), new Class<?>[] {org.apache.karaf.shell.api.console.Session.class},
                (proxy, method, args) -> method.getName().equals("readLine") ? (typed.hasNext() ? typed.next() : null) : null);
    }

    @Test
    void activatingARenewedCertificateClearsItsAlertAtOnce() throws Exception {
        CredImportCommand expiring = importCommand(p12.toString());
        expiring.monitor = monitor;
        expiring.system = "spine-int";
        expiring.passphraseFile = passphrase.toString();
        run(expiring);
        assertThat(out()).contains("Certificates re-checked: 1 need attention");
        assertThat(kernel.alerts.active()).singleElement().satisfies(a -> assertThat(a.key()).startsWith("cert:int/spine-int/KEY_PAIR/v1/"));

        Path renewed = Files.write(dir.resolve("renewed.p12"), TestPki.pkcs12(TestPki.CLIENT_KEY.getPrivate(), PASSPHRASE.toCharArray(),
                pki.client("spine-endpoint", Duration.ofDays(400)), pki.ca));
        CredImportCommand renewal = importCommand(renewed.toString());
        renewal.monitor = monitor;
        renewal.system = "spine-int";
        renewal.passphraseFile = passphrase.toString();
        run(renewal);
        assertThat(kernel.alerts.active()).as("v2 is only pending: v1 still expires").hasSize(1);

        CredActivateCommand activate = new CredActivateCommand();
        activate.vault = kernel.vault;
        activate.monitor = monitor;
        activate.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        activate.system = "spine-int";
        activate.version = 2;
        run(activate);
        assertThat(err()).isEmpty();
        assertThat(kernel.alerts.active()).isEmpty();
    }

    @Test
    void aMissingPassphraseIsPromptedForOnTheConsole() throws Exception {
        CredImportCommand c = importCommand(p12.toString());
        c.system = "spine-int";
        c.session = typing(PASSPHRASE);
        run(c);
        assertThat(err()).isEmpty();
        assertThat(out()).startsWith("Imported int/spine-int KEY_PAIR v1");

        CredImportCommand nothingTyped = importCommand(p12.toString());
        nothingTyped.system = "spine-int";
        nothingTyped.session = typing();
        run(nothingTyped);
        assertThat(err()).isEqualTo("HF-200 no passphrase was typed; give it in a file; nothing was changed\n");

        err.reset();
        CredImportCommand apiKey = importCommand();
        apiKey.system = "pds-int";
        apiKey.kind = "API_KEY";
        apiKey.session = typing("typed-api-key");
        run(apiKey);
        assertThat(err()).isEmpty();
        assertThat(out()).contains("Imported int/pds-int API_KEY v1").doesNotContain("typed-api-key");
    }

    @Test
    void secretsComeFromFilesAndAreNeverShown() throws Exception {
        Path apiKey = Files.writeString(dir.resolve("apikey.txt"), "Zm9vYmFyLWFwaS1rZXk\n");
        CredImportCommand c = importCommand(apiKey.toString());
        c.system = "pds-int";
        c.kind = "api_key";
        run(c);
        assertThat(err()).isEmpty();
        assertThat(out()).startsWith("Imported int/pds-int API_KEY v1 (pds-int@v1): ACTIVE").doesNotContain("Zm9vYmFy");
    }

    @Test
    void wrongInputPrintsOneLineAndStoresNothing() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not-the-passphrase");
        CredImportCommand c = importCommand(p12.toString());
        c.system = "spine-int";
        c.passphraseFile = wrong.toString();
        run(c);
        assertThat(err()).isEqualTo("HF-510 the passphrase does not open the PKCS#12 in the file; nothing was imported\n");

        err.reset();
        c.system = "nope";
        run(c);
        assertThat(err()).isEqualTo("HF-500 Unknown system 'nope'; list the known ones with holdfast:systems\n");

        err.reset();
        Path bad = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        CredImportCommand malformed = importCommand(bad.toString());
        malformed.system = "spine-int";
        run(malformed);
        assertThat(err()).startsWith("HF-510 the file is malformed PEM").endsWith("; nothing was imported\n").hasLineCount(1);

        err.reset();
        CredImportCommand prompt = importCommand();
        prompt.system = "pds-int";
        prompt.kind = "API_KEY";
        run(prompt);
        assertThat(err()).isEqualTo("HF-200 no console to prompt for the api key; give it in a file; nothing was changed\n");

        err.reset();
        CredImportCommand both = importCommand(p12.toString());
        run(both);
        assertThat(err()).contains("name the target: --system <system id>, or --env <environment> with --entry <entry id>");

        err.reset();
        CredImportCommand kind = importCommand(p12.toString());
        kind.system = "spine-int";
        kind.kind = "CERT";
        run(kind);
        assertThat(err()).contains("kind 'CERT' is not one of KEY_PAIR, TRUST_ANCHORS, API_KEY, JWT_SIGNING_KEY, SECRET, ORG_CREDENTIAL");

        err.reset();
        CredImportCommand missing = importCommand(dir.resolve("missing.p12").toString());
        missing.system = "spine-int";
        run(missing);
        assertThat(err()).contains("missing.p12 does not exist");

        err.reset();
        CredActivateCommand activate = new CredActivateCommand();
        activate.vault = kernel.vault;
        activate.system = "spine-int";
        activate.version = 1;
        activate.at = "tomorrow";
        run(activate);
        assertThat(err()).contains("--at 'tomorrow' is not an ISO-8601 instant");

        assertThat(kernel.vault.versions(java.util.Optional.empty())).isEmpty();
        assertThat(err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
