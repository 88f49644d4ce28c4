package io.holdfast.routing.internal.dispatch;

import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.Codec;
import io.holdfast.api.spi.OutboundTransport;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codecs, transports and auth providers currently registered, by the service property that
 * names what they handle ({@code holdfast.format}, {@code holdfast.transport},
 * {@code holdfast.auth.pattern}). They come and go at runtime; a row whose service is missing waits.
 */
public final class ServiceDirectory {
    public static final String FORMAT = Codec.FORMAT_PROPERTY;
    public static final String TRANSPORT = "holdfast.transport";
    public static final String AUTH_PATTERN = "holdfast.auth.pattern";

    private final Map<String, Codec<?>> codecs = new ConcurrentHashMap<>();
    private final Map<String, OutboundTransport> transports = new ConcurrentHashMap<>();
    private final Map<String, AuthProvider> authProviders = new ConcurrentHashMap<>();

    public void addCodec(Codec<?> codec, Map<String, Object> properties) {
        codecs.put(Codec.family(codec, properties), codec);
    }

    public void removeCodec(Codec<?> codec, Map<String, Object> properties) {
        codecs.remove(Codec.family(codec, properties), codec);
    }

    public void addTransport(OutboundTransport transport, Map<String, Object> properties) {
        transports.put(name(properties, TRANSPORT, transport.transport()), transport);
    }

    public void removeTransport(OutboundTransport transport, Map<String, Object> properties) {
        transports.remove(name(properties, TRANSPORT, transport.transport()), transport);
    }

    public void addAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        authProviders.put(name(properties, AUTH_PATTERN, provider.pattern().name()), provider);
    }

    public void removeAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        authProviders.remove(name(properties, AUTH_PATTERN, provider.pattern().name()), provider);
    }

    public Optional<Codec<?>> codec(String formatFamily) {
        return Optional.ofNullable(codecs.get(formatFamily));
    }

    public Optional<OutboundTransport> transport(String name) {
        return Optional.ofNullable(transports.get(name));
    }

    public Optional<AuthProvider> authProvider(AuthPattern pattern) {
        return Optional.ofNullable(authProviders.get(pattern.name()));
    }

    private static String name(Map<String, Object> properties, String key, String fallback) {
        Object v = properties == null ? null : properties.get(key);
        return v == null ? fallback : v.toString();
    }
}
