package io.holdfast.http.internal;

import io.holdfast.http.FactoryConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP listener's validated settings (factory PID {@value #FACTORY_PID}).
 *
 * @param tlsCredential vault entry whose KEY_PAIR serves TLS (empty: plain HTTP)
 * @param clientAuth    {@code none}, {@code want} or {@code need} (mutual TLS; needs TLS)
 */
public record ListenerSettings(String pid, String name, String bindAddress, int port, Optional<String> tlsCredential,
                               String tlsEnvironment, String clientAuth, long maxBodyBytes, int maxHeaderBytes,
                               int maxConnections, Duration idleTimeout, Duration requestTimeout, int workerThreads,
                               int workerQueue) {
    public static final String FACTORY_PID = "io.holdfast.http.listener";
    public static final long DEFAULT_MAX_BODY = 10L * 1024 * 1024;
    private static final long MAX_BODY_LIMIT = 1L << 30;

    public static ListenerSettings from(Map<String, ?> props) {
        FactoryConfig c = FactoryConfig.of(FACTORY_PID, props);
        String bind = c.string("bindAddress", "127.0.0.1");
        if (!bind.matches("[0-9.]+|[0-9A-Fa-f:.\\[\\]%a-z0-9]*:[0-9A-Fa-f:.\\[\\]%a-z0-9]*|localhost")) {
            throw c.invalid("bindAddress", "an IPv4 or IPv6 address literal (default 127.0.0.1; 0.0.0.0 only when meant)", "is '" + bind + "'");
        }
        c.required("port", "an integer from 0 to 65535 (0 picks a free port)");
        int port = c.integer("port", 0, 0, 65535);
        Optional<String> tls = Optional.of(c.string("tlsCredential", "")).filter(s -> !s.isEmpty());
        String clientAuth = c.choice("clientAuth", "none", "none", "want", "need");
        if (tls.isEmpty() && !clientAuth.equals("none")) {
            throw c.invalid("clientAuth", "none unless tlsCredential is set", "is '" + clientAuth + "' on a plain-HTTP listener");
        }
        return new ListenerSettings(c.pid(), c.name(), bind, port, tls, c.string("tlsEnvironment", "live"), clientAuth,
                c.number("maxBodyBytes", DEFAULT_MAX_BODY, 1, MAX_BODY_LIMIT), c.integer("maxHeaderBytes", 16384, 1024, 1048576),
                c.integer("maxConnections", 256, 1, 100000), c.duration("idleTimeout", Duration.ofSeconds(60)),
                c.duration("requestTimeout", Duration.ofSeconds(30)), c.integer("workerThreads", 8, 1, 512),
                c.integer("workerQueue", 128, 1, 100000));
    }

    /** Loopback, plain HTTP, defaults: for tests and as the documented baseline. */
    public static ListenerSettings loopback(String name, int port) {
        return from(Map.of("name", name, "port", String.valueOf(port)));
    }

    public ListenerSettings withLimits(long maxBody, int maxConnections, Duration requestTimeout) {
        return new ListenerSettings(pid, name, bindAddress, port, tlsCredential, tlsEnvironment, clientAuth, maxBody, maxHeaderBytes,
                maxConnections, idleTimeout, requestTimeout, workerThreads, workerQueue);
    }

    public ListenerSettings withTls(String credential, String clientAuthMode) {
        return new ListenerSettings(pid, name, bindAddress, port, Optional.of(credential), tlsEnvironment, clientAuthMode, maxBodyBytes,
                maxHeaderBytes, maxConnections, idleTimeout, requestTimeout, workerThreads, workerQueue);
    }

    public boolean bindsWildcard() {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("[::]");
    }
}
