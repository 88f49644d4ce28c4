package io.holdfast.credentials.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.api.Activation;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.internal.command.CommandsForTests;
import io.holdfast.credentials.testing.TestKernel;
import io.holdfast.credentials.testing.TestPki;
import io.holdfast.credentials.testing.TlsTestServer;
import io.holdfast.simulator.apim.ApimSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures everything written to stdout/stderr (slf4j-simple, Holdfast loggers at TRACE) while
 * importing, rotating and using every kind of credential, plus every error message, and checks that
 * no secret, passphrase, private key fragment or token appears.
 */
class NoSecretsInLogsTest {
    private static final String PASSPHRASE = "Tr0ub4dor-p12-SECRET";
    private static final String API_KEY = "apikey-SECRET-9f8e7d6c";
    private static final String MAILBOX_PASSWORD = "mailbox-SECRET-pw";
    private static final String SHARED_SECRET = "shared-SECRET-key";

    @TempDir
    Path dir;
    private final List<String> secrets = new ArrayList<>(List.of(PASSPHRASE, API_KEY, MAILBOX_PASSWORD, SHARED_SECRET));
    private final List<String> errors = new ArrayList<>();

    @Test
    void nothingSecretIsEverWritten() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            exerciseEverything();
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String text = captured.toString(StandardCharsets.UTF_8) + String.join("\n", errors);
        assertThat(text).as("the capture works and sees DEBUG lines").contains("Vault: imported")
                .contains("DEBUG io.holdfast.credentials.internal.auth.ApimTokens");
        for (String secret : secrets) {
            assertThat(text).as("secret of length %d", secret.length()).doesNotContain(secret);
        }
    }

    private void exerciseEverything() throws Exception {
        TestKernel kernel = new TestKernel();
        TestPki pki = new TestPki(kernel.clock.instant());
        addKeyFragments(TestPki.CLIENT_KEY.getPrivate().getEncoded());
        addKeyFragments(TestPki.OTHER_KEY.getPrivate().getEncoded());
        try (ApimSimulator sim = ApimSimulator.builder().clock(kernel.clock).start();
             TlsTestServer server = new TlsTestServer(TestPki.SERVER_KEY, pki.server("localhost"), pki.ca)) {
            tls(kernel, pki, server);
            apim(kernel, sim);
            org(kernel);
            commands(kernel);
            new CertificateMonitorForTests(kernel).check();
        }
    }

    private void tls(TestKernel kernel, TestPki pki, TlsTestServer server) throws Exception {
        DownstreamSystem spine = kernel.inventory.add(new DownstreamSystem("spine-int", "Spine", Optional.empty(), "int", "MLLP",
                WireFormat.hl7v2("2.4"), "mllps://localhost:" + server.port(), AuthPattern.TLS_MUTUAL, Optional.empty(), Optional.empty()));
        byte[] p12 = TestPki.pkcs12(TestPki.CLIENT_KEY.getPrivate(), PASSPHRASE.toCharArray(), pki.client("spine-1", Duration.ofDays(20)), pki.ca);
        ImportRequest request = ImportRequest.of(CredentialTarget.system("spine-int"), CredentialKind.KEY_PAIR, List.of(p12));
        attempt(() -> kernel.vault.importCredential(request.withPassphrase("wrong-guess".toCharArray())));
        attempt(() -> kernel.vault.importCredential(request));
        kernel.vault.importCredential(request.withPassphrase(PASSPHRASE.toCharArray()));
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("spine-int"), CredentialKind.TRUST_ANCHORS,
                List.of(TestPki.pem(pki.ca))));
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("spine-int"), CredentialKind.KEY_PAIR,
                List.of(TestPki.encryptedPem(TestPki.CLIENT_KEY.getPrivate(), PASSPHRASE.toCharArray()),
                        TestPki.pem(pki.client("spine-2", Duration.ofDays(400))))).withPassphrase(PASSPHRASE.toCharArray())
                .withActivation(new Activation.At(kernel.clock.instant().plusSeconds(60))));
        TlsMutualAuthProvider provider = new TlsMutualAuthProvider(kernel.vault, kernel.clock, new SslContexts());
        server.call(((AuthMaterial.Tls) provider.authenticate(spine)).sslContext(), "localhost");
        kernel.clock.advance(Duration.ofSeconds(61));
        server.call(((AuthMaterial.Tls) provider.authenticate(spine)).sslContext(), "localhost");
    }

    private void apim(TestKernel kernel, ApimSimulator sim) throws Exception {
        DownstreamSystem pds = kernel.addSystem("pds-int", AuthPattern.OAUTH2_SIGNED_JWT, sim.baseUrl() + "/protected/ping");
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("pds-int"), CredentialKind.API_KEY,
                List.of((API_KEY + "\n").getBytes(StandardCharsets.UTF_8))));
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("pds-int"), CredentialKind.JWT_SIGNING_KEY,
                List.of(TestPki.pem(TestPki.OTHER_KEY.getPrivate()))).withKeyId("test-1"));
        SignedJwtAuthProvider provider = new SignedJwtAuthProvider(kernel.vault, kernel.clock, ApimSettings.defaults());
        attempt(() -> provider.authenticate(pds));
        sim.registerApplication(API_KEY, "test-1", TestPki.OTHER_KEY.getPublic());
        remember(provider.authenticate(pds));
        sim.revokeTokens();
        provider.invalidate(pds);
        remember(provider.authenticate(pds));
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("pds-int"), CredentialKind.JWT_SIGNING_KEY,
                List.of(TestPki.pem(TestPki.CLIENT_KEY.getPrivate()))).withKeyId("test-2").withActivation(new Activation.Now()));
        attempt(() -> provider.authenticate(pds));

        DownstreamSystem ers = TestKernel.cis2System("ers-int", sim.baseUrl() + "/protected/ping");
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.entry("int", "ers-int"), CredentialKind.API_KEY,
                List.of(API_KEY.getBytes(StandardCharsets.UTF_8))));
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.entry("int", "ers-int"), CredentialKind.JWT_SIGNING_KEY,
                List.of(TestPki.pem(TestPki.OTHER_KEY.getPrivate()))).withKeyId("test-1"));
        String idToken = sim.cis2().issueIdToken("user-1", API_KEY, Duration.ofMinutes(10));
        secrets.add(idToken);
        Cis2TokenExchange cis2 = new Cis2TokenExchange(kernel.vault, kernel.clock, ApimSettings.defaults());
        remember(cis2.exchange(ers, idToken));
        attempt(() -> cis2.exchange(ers, idToken + "x"));
        DownstreamSystem sds = kernel.addSystem("sds-int", AuthPattern.API_KEY, sim.baseUrl() + "/apikey/ping");
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("sds-int"), CredentialKind.API_KEY,
                List.of(API_KEY.getBytes(StandardCharsets.UTF_8))));
        System.err.println(new ApiKeyAuthProvider(kernel.vault, kernel.clock).authenticate(sds));
    }

    private void org(TestKernel kernel) {
        CredentialTarget mesh = CredentialTarget.entry("int", "mesh-x26");
        kernel.vault.importCredential(ImportRequest.of(mesh, CredentialKind.ORG_CREDENTIAL,
                List.of(MAILBOX_PASSWORD.getBytes(StandardCharsets.UTF_8))).withUsername("X26ABC1"));
        kernel.vault.importCredential(ImportRequest.of(mesh, CredentialKind.SECRET, List.of(SHARED_SECRET.getBytes(StandardCharsets.UTF_8))));
        attempt(() -> kernel.vault.importCredential(ImportRequest.of(mesh, CredentialKind.SECRET,
                List.of((SHARED_SECRET + "\nsecond line").getBytes(StandardCharsets.UTF_8)))));
        System.err.println(new OrgCredentialsAuthProvider(kernel.vault, kernel.clock).forEntry("int", "mesh-x26"));
    }

    private void commands(TestKernel kernel) throws Exception {
        Path passFile = Files.writeString(dir.resolve("pass"), PASSPHRASE);
        Path apiKeyFile = Files.writeString(dir.resolve("apikey"), API_KEY);
        CommandsForTests.importFile(kernel.vault, "pds-int", "API_KEY", apiKeyFile, passFile);
        CommandsForTests.listAll(kernel.vault);
    }

    private void attempt(Supplier<?> action) {
        try {
            action.get();
        } catch (HoldfastException e) {
            errors.add(e.describe());
            e.printStackTrace();
        }
    }

    private void remember(AuthMaterial material) {
        String authorization = ((AuthMaterial.Headers) material).headers().get("Authorization");
        secrets.add(authorization.substring("Bearer ".length()));
        System.err.println("material: " + material + " identity " + material.identity().describe());
    }

    /** 40-character runs of the key's base64 (any PEM line would contain one). */
    private void addKeyFragments(byte[] pkcs8) {
        String b64 = Base64.getEncoder().encodeToString(pkcs8);
        for (int i = 0; i + 40 <= b64.length(); i += 40) {
            secrets.add(b64.substring(i, i + 40));
        }
    }
}
