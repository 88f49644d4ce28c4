package io.holdfast.mllp.internal.transport;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.net.URI;

/**
 * An inventory endpoint for MLLP: {@code mllp://host:port}, {@code mllps://host:port} (TLS) or
 * plain {@code host:port}.
 */
record MllpEndpoint(String host, int port, boolean tls) {

    static MllpEndpoint parse(String endpoint) {
        String e = endpoint.trim();
        boolean tls = e.startsWith("mllps://");
        if (!e.contains("://")) {
            e = "mllp://" + e;
        }
        try {
            URI uri = URI.create(e);
            if (uri.getHost() == null || uri.getPort() < 1 || !(uri.getScheme().equals("mllp") || uri.getScheme().equals("mllps"))) {
                throw new IllegalArgumentException("no host/port");
            }
            return new MllpEndpoint(uri.getHost(), uri.getPort(), tls);
        } catch (IllegalArgumentException ex) {
            throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION,
                    "MLLP endpoint '" + endpoint + "' is not mllp://host:port, mllps://host:port or host:port");
        }
    }

    String key() {
        return (tls ? "mllps://" : "mllp://") + host + ":" + port;
    }
}
