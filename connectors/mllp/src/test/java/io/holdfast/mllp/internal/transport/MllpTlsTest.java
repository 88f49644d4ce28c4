package io.holdfast.mllp.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.hl7v2.Fixtures;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.hl7v2.AckCode;
import io.holdfast.hl7v2.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TLS listener (key material as the credentials vault would hand it over: an SSLContext). */
class MllpTlsTest {
    static final Duration T = Duration.ofSeconds(10);
    @TempDir
    Path dir;

    SSLContext context(Path p12, boolean withKey) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        if (withKey) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        } else {
            ctx.init(null, tmf.getTrustManagers(), null);
        }
        return ctx;
    }

    @Test
    void tlsListenerAcksOverTlsAndRefusesPlainTcp() throws Exception {
        Path p12 = dir.resolve("epr.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "mllp", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        Intake ok = (env, payload, decoded, trail) -> CompletableFuture.completedFuture(new IntakeReceipt(1, false, List.of()));
        try (MllpListener listener = new MllpListener(ListenerSettings.loopback("tls", 0), ok, Optional.of(context(p12, true)))) {
            listener.start();
            try (MllpClient c = MllpClient.connect(context(p12, false).getSocketFactory(), "127.0.0.1", listener.boundPort(), T)) {
                AckMessage a = AckMessage.read(c.exchange(Fixtures.bytes("adt_a03_v24.hl7"), T)).orElseThrow();
                assertThat(a.code()).isEqualTo(AckCode.AA);
            }
            try (MllpClient plain = MllpClient.connect("127.0.0.1", listener.boundPort(), T)) {
                assertThatThrownBy(() -> plain.exchange(Fixtures.bytes("adt_a03_v24.hl7"), Duration.ofSeconds(3)))
                        .isInstanceOf(java.io.IOException.class);
            }
        }
    }
}
