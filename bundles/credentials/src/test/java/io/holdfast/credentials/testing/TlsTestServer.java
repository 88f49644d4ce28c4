package io.holdfast.credentials.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS server on 127.0.0.1 that requires a client certificate, trusts the given CA, answers each
 * connection with the client certificate's subject, and records handshake failures.
 */
public final class TlsTestServer implements AutoCloseable {
    private static final char[] PW = "server".toCharArray();
    private final SSLServerSocket server;
    private final Thread acceptor;
    public final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    public final List<String> failures = new CopyOnWriteArrayList<>();

    public TlsTestServer(KeyPair serverKey, X509Certificate serverCert, X509Certificate trustedCa) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverKey.getPrivate(), PW, new Certificate[] {serverCert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PW);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", trustedCa);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        acceptor = new Thread(this::acceptLoop, "tls-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                try {
                    s.startHandshake();
                    String subject = ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
                    clientSubjects.add(subject);
                    OutputStream out = s.getOutputStream();
                    out.write((subject + " " + s.getSession().getProtocol() + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    failures.add("accept: " + e.getMessage());
                }
            }
        }
    }

    /** Connects to 127.0.0.1 but names the peer {@code host} (SNI, hostname verification); returns the server's reply. */
    public String call(SSLContext client, String host) throws IOException {
        Socket plain = new Socket(InetAddress.getLoopbackAddress(), port());
        plain.setSoTimeout(10_000);
        SSLSocketFactory factory = client.getSocketFactory();
        try (SSLSocket s = (SSLSocket) factory.createSocket(plain, host, port(), true)) {
            s.startHandshake();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
