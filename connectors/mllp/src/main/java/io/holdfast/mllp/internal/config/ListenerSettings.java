package io.holdfast.mllp.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A validated listener configuration. Built from the raw ConfigAdmin properties rather than the
 * typed annotation so that {@code port=abc} fails with the PID, key and allowed values instead of
 * silently becoming 0.
 */
public record ListenerSettings(String name, String pid, int port, String bindAddress, Charset charset, int maxFrameBytes,
                               Duration firstByteTimeout, Duration interByteTimeout, Duration idleTimeout, AckMode ackMode,
                               String sourceSystem, ZoneId timeZone, int maxPendingAcks, Optional<String> tlsCredential,
                               String tlsEnvironment, ClientAuth tlsClientAuth) {
    /** Whether a TLS listener asks senders for a client certificate. */
    public enum ClientAuth {
        NONE, WANT, NEED
    }

    public static final String FACTORY_PID = "io.holdfast.mllp.listener";
    static final int MIN_FRAME = 1024;
    static final int MAX_FRAME = 64 * 1024 * 1024;

    /** The listener name: {@code name} property, else the part of the PID after {@code ~}. */
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
                if (file.startsWith(FACTORY_PID + "-") || file.startsWith(FACTORY_PID + "~")) {
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
        String pid = rawPid == null ? FACTORY_PID + "~" + name : rawPid.toString();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new InvalidConfigurationException(pid, "name", "letters, digits, '.', '_' and '-' (max 63)", "is '" + name + "'");
        }
        int port = integer(props, pid, "port", 2575, 1, 65535);
        String bind = string(props, "bindAddress", "0.0.0.0");
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
                tlsEnvironment, clientAuth);
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
        return new ListenerSettings(name, FACTORY_PID + "~" + name, port, "127.0.0.1", StandardCharsets.ISO_8859_1, 1048576,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(10), AckMode.AUTO, name,
                ZoneId.of("Europe/London"), 256, Optional.empty(), "dev", ClientAuth.NONE);
    }

    public ListenerSettings withMaxFrameBytes(int bytes) {
        return new ListenerSettings(name, pid, port, bindAddress, charset, bytes, firstByteTimeout, interByteTimeout, idleTimeout,
                ackMode, sourceSystem, timeZone, maxPendingAcks, tlsCredential, tlsEnvironment, tlsClientAuth);
    }

    public ListenerSettings withTimeouts(Duration first, Duration inter, Duration idle) {
        return new ListenerSettings(name, pid, port, bindAddress, charset, maxFrameBytes, first, inter, idle, ackMode, sourceSystem,
                timeZone, maxPendingAcks, tlsCredential, tlsEnvironment, tlsClientAuth);
    }

    public ListenerSettings withAckMode(AckMode mode) {
        return new ListenerSettings(name, pid, port, bindAddress, charset, maxFrameBytes, firstByteTimeout, interByteTimeout,
                idleTimeout, mode, sourceSystem, timeZone, maxPendingAcks, tlsCredential, tlsEnvironment, tlsClientAuth);
    }
}
