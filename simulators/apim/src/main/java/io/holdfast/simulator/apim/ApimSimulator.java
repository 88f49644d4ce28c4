package io.holdfast.simulator.apim;

import io.holdfast.simulator.apim.http.SimulatorHttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The NHS API platform's token endpoint over plain HTTP on a chosen address: {@code POST
 * /oauth2/token} for signed-JWT client credentials and CIS2 token exchange, plus {@code
 * /protected/ping} (bearer) and {@code /apikey/ping} (apikey header) to try tokens on. Start with
 * {@link #builder()}, stop with {@link #close()}; runs standalone with {@link #main}. Resource
 * simulators accept its tokens through {@link AccessTokenIntrospection}.
 */
public final class ApimSimulator implements AutoCloseable, AccessTokenIntrospection {
    private final ApplicationRegistry apps = new ApplicationRegistry();
    private final ApimFaults faults = new ApimFaults();
    private final IssuedTokens tokens;
    private final Cis2IdentityProvider cis2;
    private final TokenEndpoint tokenEndpoint;
    private final SimulatorHttpServer server;
    private final AtomicReference<String> audience = new AtomicReference<>("");

    private ApimSimulator(Builder b) {
        this.tokens = new IssuedTokens(b.clock);
        this.cis2 = new Cis2IdentityProvider(b.cis2Issuer, b.clock);
        ClientAssertionVerifier verifier = new ClientAssertionVerifier(apps, audience::get, b.clock);
        this.tokenEndpoint = new TokenEndpoint(verifier, cis2, tokens, faults, b.clock, b.expiresInSeconds);
        ApimHttpHandler handler = new ApimHttpHandler(tokenEndpoint, new ResourceEndpoints(tokens, apps::known));
        this.server = SimulatorHttpServer.start(b.host, b.port, 64 * 1024, 2, handler);
        audience.set(b.tokenUrl != null ? b.tokenUrl : baseUrl() + "/oauth2/token");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Registers an application's public key under its kid (as the platform's JWKS registration does). */
    public ApimSimulator registerApplication(String apiKey, String kid, PublicKey publicKey) {
        apps.register(apiKey, kid, publicKey);
        return this;
    }

    public int port() {
        return server.port();
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The audience client assertions must name: the token URL. */
    public String tokenUrl() {
        return audience.get();
    }

    public Cis2IdentityProvider cis2() {
        return cis2;
    }

    public ApimFaults faults() {
        return faults;
    }

    /** How many token requests arrived (accepted or not). */
    public int tokenRequests() {
        return tokenEndpoint.requests();
    }

    /** Forgets every issued access token, so resources answer 401 until a new one is fetched. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** The application (and CIS2 user) an issued, unexpired, unrevoked access token stands for. */
    @Override
    public Optional<AccessTokenGrant> introspect(String accessToken) {
        if (accessToken == null || accessToken.isEmpty()) {
            return Optional.empty();
        }
        return tokens.valid(accessToken).map(issued -> new AccessTokenGrant(issued.apiKey(), issued.user()));
    }

    @Override
    public void close() {
        server.close();
    }

    /** Reads a public key from PEM: a {@code PUBLIC KEY} block or a {@code CERTIFICATE}. */
    public static PublicKey readPublicKey(Path pem) throws IOException, GeneralSecurityException {
        return parsePublicKey(Files.readString(pem, StandardCharsets.US_ASCII));
    }

    /** A public key from PEM text: a {@code PUBLIC KEY} block or a {@code CERTIFICATE}. */
    public static PublicKey parsePublicKey(String pem) throws GeneralSecurityException {
        if (pem.contains("BEGIN CERTIFICATE")) {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getPublicKey();
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Configuration of a simulator instance. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private long expiresInSeconds = 599;
        private String tokenUrl;
        private String cis2Issuer = "https://cis2.simulator.holdfast.invalid/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare";

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Lifetime of issued access tokens, sent as the string {@code expires_in} (default 599). */
        public Builder expiresInSeconds(long seconds) {
            this.expiresInSeconds = seconds;
            return this;
        }

        /** The audience to require, when clients reach the simulator through another URL (default: its own token URL). */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        public Builder cis2Issuer(String issuer) {
            this.cis2Issuer = Objects.requireNonNull(issuer);
            return this;
        }

        public ApimSimulator start() {
            return new ApimSimulator(this);
        }
    }

    /**
     * {@code ApimSimulator [port] [apiKey:kid:/path/public-key-or-cert.pem]...}; port defaults to 8720
     * (the sandbox port).
     */
    public static void main(String[] args) throws Exception {
        ApimSimulator sim = builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 8720).start();
        for (int i = 1; i < args.length; i++) {
            String[] p = args[i].split(":", 3);
            sim.registerApplication(p[0], p[1], readPublicKey(Path.of(p[2])));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println("APIM simulator listening on " + sim.baseUrl() + "; token URL " + sim.tokenUrl());
        Thread.currentThread().join();
    }
}
