package io.holdfast.mllp.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated listener configuration. Built from the raw ConfigAdmin properties rather than the
 * typed annotation so that {@code port=abc} fails with the PID, key and allowed values instead of
 * silently becoming 0.
 */
public record ListenerSettings(String name, String pid, int port, String bindAddress, Charset charset, int maxFrameBytes,
                               Duration firstByteTimeout, Duration interByteTimeout, Duration idleTimeout, AckMode ackMode,
                               String sourceSystem, ZoneId timeZone, int maxPendingAcks, Optional<String> tlsCredential,
                               String tlsEnvironment, ClientAuth tlsClientAuth, Limits limits) {
    /** Whether a TLS listener asks senders for a client certificate. */
    public enum ClientAuth {
        NONE, WANT, NEED
    }

    /**
     * Bounds on who may connect and for how long a frame may take.
     *
     * @param frameTimeout          a frame must end this long after its start block, however slowly its bytes trickle
     *                              (slow-loris); 0 disables
     * @param maxConnections        open connections per listener; more are closed on accept
     * @param maxConnectionsPerPeer open connections per remote address
     * @param allowFrom             networks that may connect; empty = any
     */
    public record Limits(Duration frameTimeout, int maxConnections, int maxConnectionsPerPeer, List<CidrRange> allowFrom) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(60), 100, 20, List.of());

        public Limits {
            allowFrom = List.copyOf(allowFrom);
        }
    }

    public static final String FACTORY_PID = "io.holdfast.mllp.listener";
    static final int MIN_FRAME = 1024;
    static final int MAX_FRAME = 64 * 1024 * 1024;

    /**
     * The listener name: {@code name} property, else the part of the file name after
     * {@code io.holdfast.mllp.listener-} (Karaf's file installer and feature configs), else the part
     * of a ConfigAdmin PID after {@code ~} (a configuration made in code with a name).
     */
    public static String nameOf(Map<String, ?> props) {
        Object explicit = props.get("name");
        if (explicit != null && !explicit.toString().isBlank()) {
            return explicit.toString().trim();
        }
        for (String key : new String[] {"felix.fileinstall.filename", "org.apache.karaf.features.configKey"}) {
            Object v = props.get(key);
            if (v != null) {
                String file = v.toString().replace('\\', '/');
                file = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.cfg$", "");
                if (file.startsWith(FACTORY_PID + "-")) {
                    return file.substring(FACTORY_PID.length() + 1);
                }
            }
        }
        Object rawPid = props.get("service.pid");
        String pid = rawPid == null ? FACTORY_PID : rawPid.toString();
        int tilde = pid.indexOf('~');
        if (tilde >= 0) {
            return pid.substring(tilde + 1);
        }
        int dot = pid.lastIndexOf('.');
        return dot >= 0 && pid.startsWith(FACTORY_PID + ".") ? pid.substring(dot + 1) : pid;
    }

    public static ListenerSettings from(Map<String, ?> props) {
        String name = nameOf(props);
        Object rawPid = props.get("service.pid");
        String pid = rawPid == null ? FACTORY_PID + "-" + name : rawPid.toString();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new InvalidConfigurationException(pid, "name", "letters, digits, '.', '_' and '-' (max 63)", "is '" + name + "'");
        }
        int port = integer(props, pid, "port", 2575, 1, 65535);
        // Loopback unless the administrator names an address: a listener is never silently reachable from the network.
        String bind = string(props, "bindAddress", "127.0.0.1");
        Charset charset = charset(props, pid);
        int maxFrame = integer(props, pid, "maxFrameBytes", 1048576, MIN_FRAME, MAX_FRAME);
        Duration first = duration(props, pid, "firstByteTimeout", Duration.ofSeconds(30));
        Duration inter = duration(props, pid, "interByteTimeout", Duration.ofSeconds(10));
        Duration idle = duration(props, pid, "idleTimeout", Duration.ofMinutes(10));
        AckMode mode;
        String modeText = string(props, "ackMode", "AUTO");
        try {
            mode = AckMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(pid, "ackMode", "AUTO, ORIGINAL, ENHANCED", "is '" + modeText + "'");
        }
        String source = string(props, "sourceSystem", "");
        ZoneId zone;
        String zoneText = string(props, "timeZone", "Europe/London");
        try {
            zone = ZoneId.of(zoneText);
        } catch (java.time.DateTimeException e) {
            throw new InvalidConfigurationException(pid, "timeZone", "a region id such as Europe/London", "is '" + zoneText + "'");
        }
        int pending = integer(props, pid, "maxPendingAcks", 256, 1, 100_000);
        String tlsCredential = string(props, "tlsCredential", "");
        String tlsEnvironment = string(props, "tlsEnvironment", "live");
        String clientAuthText = string(props, "tlsClientAuth", "NONE");
        ClientAuth clientAuth;
        try {
            clientAuth = ClientAuth.valueOf(clientAuthText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(pid, "tlsClientAuth", "NONE, WANT, NEED", "is '" + clientAuthText + "'");
        }
        return new ListenerSettings(name, pid, port, bind, charset, maxFrame, first, inter, idle, mode,
                source.isBlank() ? name : source, zone, pending, tlsCredential.isBlank() ? Optional.empty() : Optional.of(tlsCredential),
                tlsEnvironment, clientAuth, limits(props, pid));
    }

    private static Limits limits(Map<String, ?> props, String pid) {
        Limits d = Limits.DEFAULT;
        Duration frame = duration(props, pid, "frameTimeout", d.frameTimeout());
        int max = integer(props, pid, "maxConnections", d.maxConnections(), 1, 10_000);
        int perPeer = integer(props, pid, "maxConnectionsPerPeer", d.maxConnectionsPerPeer(), 1, 10_000);
        List<CidrRange> allow = new ArrayList<>();
        for (String entry : list(props.get("allowFrom")).split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                allow.add(CidrRange.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(pid, "allowFrom",
                        "a comma-separated list of IPv4/IPv6 networks such as 10.20.0.0/16, 2001:db8::/32 or single addresses; empty = any",
                        e.getMessage());
            }
        }
        return new Limits(frame, max, perPeer, allow);
    }

    /** A list property as ConfigAdmin may hold it: text, a String[] or a collection. */
    private static String list(Object value) {
        if (value instanceof Object[] array) {
            return String.join(",", java.util.Arrays.stream(array).map(String::valueOf).toList());
        }
        if (value instanceof java.util.Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        return value == null ? "" : value.toString();
    }

    /** True if {@code other} listens on the same socket the same way, so it can be applied without rebinding. */
    public boolean bindsLike(ListenerSettings other) {
        return port == other.port && bindAddress.equals(other.bindAddress) && tlsCredential.equals(other.tlsCredential)
                && tlsEnvironment.equals(other.tlsEnvironment) && tlsClientAuth == other.tlsClientAuth
                && Objects.equals(name, other.name);
    }

    /** True if this listener accepts connections from every interface (0.0.0.0 or ::). */
    public boolean bindsWildcard() {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("[::]") || bindAddress.equals("*");
    }

    private static String string(Map<String, ?> props, String key, String dflt) {
        Object v = props.get(key);
        return v == null || v.toString().isBlank() ? dflt : v.toString().trim();
    }

    private static int integer(Map<String, ?> props, String pid, String key, int dflt, int min, int max) {
        String text = string(props, key, String.valueOf(dflt));
        String allowed = "an integer from " + min + " to " + max;
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new InvalidConfigurationException(pid, key, allowed, "is " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(pid, key, allowed, "is '" + text + "'");
        }
    }

    private static Duration duration(Map<String, ?> props, String pid, String key, Duration dflt) {
        String text = string(props, key, dflt.toString());
        String allowed = "milliseconds or an ISO-8601 duration such as PT30S; 0 disables";
        try {
            Duration d = text.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(text)) : Duration.parse(text);
            if (d.isNegative()) {
                throw new InvalidConfigurationException(pid, key, allowed, "is negative");
            }
            return d;
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new InvalidConfigurationException(pid, key, allowed, "is '" + text + "'");
        }
    }

    private static Charset charset(Map<String, ?> props, String pid) {
        String text = string(props, "charset", "ISO-8859-1");
        String allowed = "ISO-8859-1, US-ASCII, UTF-8 (or another Java charset name)";
        try {
            return Charset.forName(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(pid, "charset", allowed, "is '" + text + "'");
        }
    }

    /** Settings for tests and the sandbox: a loopback listener on {@code port} with defaults. */
    public static ListenerSettings loopback(String name, int port) {
        return new ListenerSettings(name, FACTORY_PID + "-" + name, port, "127.0.0.1", StandardCharsets.ISO_8859_1, 1048576,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(10), AckMode.AUTO, name,
                ZoneId.of("Europe/London"), 256, Optional.empty(), "dev", ClientAuth.NONE, Limits.DEFAULT);
    }

    public ListenerSettings withMaxFrameBytes(int bytes) {
        return new ListenerSettings(name, pid, port, bindAddress, charset, bytes, firstByteTimeout, interByteTimeout, idleTimeout,
                ackMode, sourceSystem, timeZone, maxPendingAcks, tlsCredential, tlsEnvironment, tlsClientAuth, limits);
    }

    public ListenerSettings withTimeouts(Duration first, Duration inter, Duration idle) {
        return new ListenerSettings(name, pid, port, bindAddress, charset, maxFrameBytes, first, inter, idle, ackMode, sourceSystem,
                timeZone, maxPendingAcks, tlsCredential, tlsEnvironment, tlsClientAuth, limits);
    }

    public ListenerSettings withAckMode(AckMode mode) {
        return new ListenerSettings(name, pid, port, bindAddress, charset, maxFrameBytes, firstByteTimeout, interByteTimeout,
                idleTimeout, mode, sourceSystem, timeZone, maxPendingAcks, tlsCredential, tlsEnvironment, tlsClientAuth, limits);
    }

    public ListenerSettings withLimits(Limits newLimits) {
        return new ListenerSettings(name, pid, port, bindAddress, charset, maxFrameBytes, firstByteTimeout, interByteTimeout,
                idleTimeout, ackMode, sourceSystem, timeZone, maxPendingAcks, tlsCredential, tlsEnvironment, tlsClientAuth, newLimits);
    }
}
