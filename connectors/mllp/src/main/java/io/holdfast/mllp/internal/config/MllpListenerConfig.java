package io.holdfast.mllp.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of an MLLP listener ({@code etc/io.holdfast.mllp.listener-<name>.cfg}; Karaf's file
 * installer splits factory file names on {@code -} only). Values are
 * validated by {@link ListenerSettings} (so a typo fails activation instead of turning into a
 * default). Durations: milliseconds or ISO-8601 ({@code PT30S}); 0 disables a timeout.
 */
@ObjectClassDefinition(name = "Holdfast MLLP listener", description = "One inbound MLLP / HL7 v2 listener")
public @interface MllpListenerConfig {
    @AttributeDefinition(description = "TCP port (1-65535)")
    int port() default 2575;

    @AttributeDefinition(description = "Address to bind; loopback unless set. 0.0.0.0 or :: (every interface) only when written here")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "Networks that may connect, comma-separated CIDR (10.20.0.0/16, 2001:db8::/32); empty = any")
    String allowFrom() default "";

    @AttributeDefinition(description = "Open connections per listener (1-10000); further connections are closed on accept")
    int maxConnections() default 100;

    @AttributeDefinition(description = "Open connections per remote address (1-10000)")
    int maxConnectionsPerPeer() default 20;

    @AttributeDefinition(description = "A frame must end this long after its start block, however slowly it arrives; 0 disables")
    String frameTimeout() default "PT60S";

    @AttributeDefinition(description = "Charset when MSH-18 is empty: ISO-8859-1, US-ASCII or UTF-8")
    String charset() default "ISO-8859-1";

    @AttributeDefinition(description = "Largest frame accepted, in bytes (1 KiB - 64 MiB)")
    int maxFrameBytes() default 1048576;

    @AttributeDefinition(description = "Close a new connection that sends nothing for this long")
    String firstByteTimeout() default "PT30S";

    @AttributeDefinition(description = "Abandon a frame (journal it as incomplete, close) when its bytes stop for this long")
    String interByteTimeout() default "PT10S";

    @AttributeDefinition(description = "Close a connection idle between frames for this long")
    String idleTimeout() default "PT10M";

    @AttributeDefinition(description = "AUTO (enhanced when MSH-15/16 are valued), ORIGINAL (AA/AE/AR) or ENHANCED (CA/CE/CR)")
    String ackMode() default "AUTO";

    @AttributeDefinition(description = "Source system id for the journal (inventory id); default: the listener name")
    String sourceSystem() default "";

    @AttributeDefinition(description = "Time zone of timestamps without an offset")
    String timeZone() default "Europe/London";

    @AttributeDefinition(description = "Frames awaiting their ACK per connection before reading pauses")
    int maxPendingAcks() default 256;

    @AttributeDefinition(description = "Vault entry id of the listener's TLS key pair; empty = plain TCP")
    String tlsCredential() default "";

    @AttributeDefinition(description = "Vault environment of tlsCredential (dev, test, int, live)")
    String tlsEnvironment() default "live";

    @AttributeDefinition(description = "Client certificates: NONE, WANT or NEED (mutual TLS)")
    String tlsClientAuth() default "NONE";
}
