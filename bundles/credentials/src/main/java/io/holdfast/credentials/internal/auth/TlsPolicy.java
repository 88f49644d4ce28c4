package io.holdfast.credentials.internal.auth;

import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** What every vault-made TLS client connection gets: TLS 1.3 or 1.2 only, and HTTPS hostname verification. */
final class TlsPolicy {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String IDENTIFICATION = "HTTPS";

    private TlsPolicy() {
    }

    static SSLParameters harden(SSLParameters parameters) {
        String[] allowed = Arrays.stream(parameters.getProtocols() == null ? PROTOCOLS : parameters.getProtocols())
                .filter(p -> Arrays.asList(PROTOCOLS).contains(p)).toArray(String[]::new);
        parameters.setProtocols(allowed.length == 0 ? PROTOCOLS : allowed);
        parameters.setEndpointIdentificationAlgorithm(IDENTIFICATION);
        return parameters;
    }

    static SSLEngine harden(SSLEngine engine) {
        engine.setSSLParameters(harden(engine.getSSLParameters()));
        return engine;
    }

    static java.net.Socket harden(java.net.Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            ssl.setSSLParameters(harden(ssl.getSSLParameters()));
        }
        return socket;
    }
}
